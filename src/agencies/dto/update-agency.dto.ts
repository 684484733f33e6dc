import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { AGENCY_TYPES, type AgencyType } from '../agency-type.js';
import { Postcode, RequiredText, Text, Website } from './agency-fields.js';

/** Only the fields sent change; `code` never does (imports and seeds key on it). */
export class UpdateAgencyDto {
  @ApiProperty({ description: 'The version last read (optimistic locking)' })
  @IsInt()
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(40)
  shortName?: string;

  @ApiPropertyOptional({ enum: AGENCY_TYPES })
  @IsOptional()
  @IsIn(AGENCY_TYPES, { message: `类型只能是 ${AGENCY_TYPES.join('、')}` })
  type?: AgencyType;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_o, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: '不是有效的机关编号' })
  parentId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isSupervisor?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(200)
  officeAddress?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Postcode()
  officePostcode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(40)
  officePhone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(100)
  officeHours?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Website()
  website?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(20)
  docNumberPrefix?: string;

  @ApiPropertyOptional({ description: 'Typing it (or the address) stops derivation for this agency' })
  @IsOptional()
  @RequiredText(100)
  reconsiderationBodyName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(200)
  reconsiderationBodyAddress?: string;

  @ApiPropertyOptional({ description: 'true: go back to the derived reconsideration body' })
  @IsOptional()
  @IsBoolean()
  deriveReconsiderationBody?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(100)
  courtName?: string;

  @ApiPropertyOptional({
    description:
      'false deactivates: no new users or cases; existing records stay. The way to retire an agency in use.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
