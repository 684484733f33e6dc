import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../role.js';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'zrzyj.clerk' })
  username: string;

  @ApiProperty({ example: '王登记' })
  displayName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  agencyId: string | null;

  @ApiProperty({ type: String, nullable: true })
  agencyName: string | null;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({ description: 'The user still has to replace an initial or reset password' })
  mustChangePassword: boolean;

  @ApiProperty({ format: 'date-time' })
  passwordChangedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSignInAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastSignInIp: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'Send it back with changes (optimistic locking)' })
  version: number;
}

export class UserWithPasswordDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;

  @ApiPropertyOptional({
    description:
      'The generated one-time password, shown only in this response (absent when the admin chose it). ' +
      'The user must replace it at the first sign-in.',
  })
  temporaryPassword?: string;
}
