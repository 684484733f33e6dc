import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsNotBlank } from '../../common/validation/validators.js';
import { ROLES, type Role } from '../role.js';

export class CreateUserDto {
  @ApiProperty({
    example: 'zrzyj.clerk',
    description: '字母、数字、点、下划线、连字符，2–40 个字符（不区分大小写）',
  })
  @IsString()
  @MaxLength(40)
  username: string;

  @ApiProperty({ example: '王登记' })
  @IsString()
  @IsNotBlank()
  @MaxLength(40)
  displayName: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required unless the only role is admin' })
  @IsOptional()
  @IsUUID('all', { message: '不是有效的机关编号' })
  agencyId?: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['clerk'] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少选择一个角色' })
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: `角色只能是 ${ROLES.join('、')}` })
  roles: Role[];

  @ApiPropertyOptional({
    format: 'password',
    description: 'A one-time password to hand over; omitted → one is generated and returned once',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  temporaryPassword?: string;
}
