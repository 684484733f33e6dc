import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { AGENCY_TYPES, type AgencyType } from '../agency-type.js';
import { Postcode, RequiredText, Text, Website } from './agency-fields.js';

export class CreateAgencyDto {
  @ApiProperty({ example: 'tc-zrzyj', description: 'Stable key: lower-case letters, digits, hyphens' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: '只能包含小写字母、数字和连字符，2–40 个字符' })
  code: string;

  @ApiProperty({ example: '郯城县自然资源局' })
  @RequiredText(100)
  name: string;

  @ApiProperty({ example: '县自然资源局' })
  @RequiredText(40)
  shortName: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES, { message: `类型只能是 ${AGENCY_TYPES.join('、')}` })
  type: AgencyType;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_o, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: '不是有效的机关编号' })
  parentId?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  isSupervisor?: boolean;

  @ApiPropertyOptional({ example: '山东省临沂市郯城县建设路 20 号' })
  @IsOptional()
  @Text(200)
  officeAddress?: string;

  @ApiPropertyOptional({ example: '276100' })
  @IsOptional()
  @Postcode()
  officePostcode?: string;

  @ApiPropertyOptional({ example: '0539-6200101' })
  @IsOptional()
  @Text(40)
  officePhone?: string;

  @ApiPropertyOptional({ example: '工作日 上午 8:30—12:00，下午 13:30—17:30' })
  @IsOptional()
  @Text(100)
  officeHours?: string;

  @ApiPropertyOptional({ example: 'http://www.tancheng.gov.cn' })
  @IsOptional()
  @Website()
  website?: string;

  @ApiProperty({
    example: '郯自然资信复',
    description: 'Prefix of the reply-letter numbers: 郯自然资信复〔2026〕12号',
  })
  @RequiredText(20)
  docNumberPrefix: string;

  @ApiPropertyOptional({
    description:
      'Omit to derive it from type and parent (复议法 Art. 24, 27; see GET /agencies/remedy-default). ' +
      'Required for the county government and for vertical agencies without a recorded superior.',
  })
  @IsOptional()
  @RequiredText(100)
  reconsiderationBodyName?: string;

  @ApiPropertyOptional({ description: 'With reconsiderationBodyName; derived with it otherwise' })
  @IsOptional()
  @Text(200)
  reconsiderationBodyAddress?: string;

  @ApiPropertyOptional({ default: '有管辖权的人民法院' })
  @IsOptional()
  @RequiredText(100)
  courtName?: string;
}
