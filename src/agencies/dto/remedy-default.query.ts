import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AGENCY_TYPES, type AgencyType } from '../agency-type.js';

export class RemedyDefaultQuery {
  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES, { message: `类型只能是 ${AGENCY_TYPES.join('、')}` })
  type: AgencyType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '不是有效的机关编号' })
  parentId?: string;
}

export class ListAgenciesQuery {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Include deactivated agencies' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeInactive?: 'true' | 'false';
}
