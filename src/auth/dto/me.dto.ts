import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../role.js';

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  agencyId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '郯城县自然资源局' })
  agencyName: string | null;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ description: 'Only changing the password (and signing out) is allowed until it is false' })
  mustChangePassword: boolean;
}
