import type { MeDto } from './dto/me.dto.js';
import type { UserDto } from './dto/user.dto.js';
import type { User } from './user.entity.js';

export function toMeDto(user: User): MeDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    agencyName: user.agency?.name ?? null,
    roles: [...user.roles],
    mustChangePassword: user.mustChangePassword,
  };
}

export function toUserDto(user: User): UserDto {
  return {
    ...toMeDto(user),
    active: user.active,
    passwordChangedAt: user.passwordChangedAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    lastSignInIp: user.lastSignInIp,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}
