import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsNotBlank } from '../../common/validation/validators.js';
import { ROLES, type Role } from '../role.js';

/** Only the fields sent change. Deactivating (active=false) ends the user's sign-ins at once. */
export class UpdateUserDto {
  @ApiProperty({ description: 'The version last read (optimistic locking)' })
  @IsInt()
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(40)
  displayName?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: no agency (admins only)',
  })
  @ValidateIf((_o, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: '不是有效的机关编号' })
  agencyId?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: '至少选择一个角色' })
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: `角色只能是 ${ROLES.join('、')}` })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'false deactivates the user (never deleted: events name them)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
