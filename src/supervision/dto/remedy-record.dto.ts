import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import type { IsoDate } from '../../common/clock/clock.js';
import { IsIsoDate, IsNotBlank } from '../../common/validation/validators.js';
import { REMEDY_KINDS, REMEDY_RESULTS, type RemedyKind, type RemedyResult } from '../remedy.js';

export class RecordRemedyDto {
  @ApiProperty({
    enum: REMEDY_KINDS,
    description: '行政复议 / 行政诉讼（未经复议直接起诉） / 行政诉讼（复议后起诉）',
  })
  @IsIn(REMEDY_KINDS, {
    message: '须为 reconsideration、litigation_direct 或 litigation_after_reconsideration',
  })
  kind: RemedyKind;

  @ApiProperty({ description: '申请行政复议或提起诉讼的日期' })
  @IsIsoDate()
  filedOn: IsoDate;

  @ApiProperty({ description: '复议机关或人民法院', example: '郯城县人民政府' })
  @IsString()
  @IsNotBlank({ message: '须填写复议机关或人民法院' })
  @MaxLength(100)
  body: string;

  @ApiPropertyOptional({ description: '案号', example: '郯政复〔2026〕12号' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  caseReference?: string;

  @ApiProperty({ enum: REMEDY_RESULTS, description: '结果维持 / 结果纠正 / 其他结果 / 尚未审结' })
  @IsIn(REMEDY_RESULTS, { message: '须为 upheld、corrected、other 或 pending' })
  result: RemedyResult;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '作出复议决定或裁判的日期（尚未审结的不填）',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsIsoDate()
  decidedOn?: IsoDate | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class UpdateRemedyDto extends RecordRemedyDto {
  @ApiProperty({ description: 'The version you saw' })
  @IsInt()
  @Min(1)
  version: number;
}

export class RemedyRecordResponse {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty() agencyId: string;
  @ApiProperty({ enum: REMEDY_KINDS }) kind: RemedyKind;
  @ApiProperty() kindLabel: string;
  @ApiProperty() filedOn: IsoDate;
  @ApiProperty() body: string;
  @ApiProperty() caseReference: string;
  @ApiProperty({ enum: REMEDY_RESULTS }) result: RemedyResult;
  @ApiProperty() resultLabel: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedOn: IsoDate | null;
  @ApiProperty() note: string;
  @ApiProperty() recordedBy: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, isArray: true, description: 'Points to check (not errors)' })
  notices: string[];
}
