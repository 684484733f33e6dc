import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { IsoDate } from '../../common/clock/dates.js';
import { IsIsoDate, IsNotBlank, RequiredObject } from '../../common/validation/validators.js';
import { MAX_EXTENSION_WD } from '../clock.rules.js';
import { OutcomeDetailDto } from './outcome-detail.dto.js';
import { OUTCOME_CODES, type Outcome } from '../outcome.js';
import { ReceiptEvidenceDto } from './receipt-evidence.dto.js';

/** Every command names the version it was decided on: a stale one is refused (409). */
export class VersionedDto {
  @ApiProperty({ description: 'The case version the user saw (optimistic locking)', example: 1 })
  @IsInt({ message: '须提供案件版本号（version）' })
  @Min(1)
  version: number;
}

export class AssignDto extends VersionedDto {
  @ApiProperty()
  @IsUUID('all', { message: '不是合法的用户 ID' })
  handlerId: string;
}

export class RequestCorrectionDto extends VersionedDto {
  @ApiProperty({ description: 'The day the 补正告知书 is sent', example: '2026-11-27' })
  @IsIsoDate()
  noticeSentOn: IsoDate;

  @ApiProperty({ type: [String], description: 'Art. 30: every item at once (一次性告知)' })
  @IsArray()
  @ArrayMinSize(1, { message: '须列明需要补正的事项' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotBlank({ each: true, message: '补正事项不能为空' })
  @MaxLength(500, { each: true })
  items: string[];

  @ApiProperty({
    description: 'Last day of the applicant’s reasonable period to correct',
    example: '2026-12-18',
  })
  @IsIsoDate()
  periodEndsOn: IsoDate;

  @ApiProperty({ example: '邮寄' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  means: string;

  @ApiPropertyOptional({ description: 'Guidance given (指导和释明, Art. 30)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  guidance?: string;
}

export class ReceiveCorrectionDto extends VersionedDto {
  @ApiProperty({ type: ReceiptEvidenceDto, description: 'Receipt of the corrected application, by Art. 31' })
  @RequiredObject(() => ReceiptEvidenceDto, '须填写收件凭证')
  evidence: ReceiptEvidenceDto;

  @ApiPropertyOptional({ description: 'What was corrected' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  informationSought?: string;

  @ApiPropertyOptional({ description: 'Why a correction after the period is accepted (正当理由)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  lateReason?: string;
}

export class StartConsultationDto extends VersionedDto {
  @ApiProperty({
    enum: ['third_party', 'agency'],
    description: 'Art. 32 third party, or Art. 34/11 other agency',
  })
  @IsIn(['third_party', 'agency'])
  kind: 'third_party' | 'agency';

  @ApiProperty({ example: '郯城县某某建材有限公司' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  partyName: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  partyContact?: string;

  @ApiProperty({ description: 'What the party is consulted about' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  matter: string;

  @ApiProperty({ description: 'The day the 征求意见书 was sent' })
  @IsIsoDate()
  dispatchedOn: IsoDate;

  @ApiPropertyOptional({ description: 'The day the party received it (its 15 WD start), if known' })
  @IsOptional()
  @IsIsoDate()
  partyReceivedOn?: IsoDate;
}

export class RecordConsultationReceiptDto extends VersionedDto {
  @ApiProperty()
  @IsUUID()
  consultationId: string;

  @ApiProperty()
  @IsIsoDate()
  partyReceivedOn: IsoDate;
}

export class RecordConsultationReplyDto extends VersionedDto {
  @ApiProperty()
  @IsUUID()
  consultationId: string;

  @ApiProperty()
  @IsIsoDate()
  repliedOn: IsoDate;

  @ApiProperty({ enum: ['consent', 'objection'] })
  @IsIn(['consent', 'objection'])
  result: 'consent' | 'objection';

  @ApiProperty()
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  summary: string;
}

export class SendFeeNoticeDto extends VersionedDto {
  @ApiProperty()
  @IsIsoDate()
  sentOn: IsoDate;

  @ApiProperty({
    enum: ['per_item', 'per_page'],
    description: 'One method per application, never both (109号 Art. 3)',
  })
  @IsIn(['per_item', 'per_page'])
  method: 'per_item' | 'per_page';

  @ApiPropertyOptional({ description: 'per_page: number of pages' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  pages?: number;

  @ApiPropertyOptional({ description: 'per_item: how many items this application counts as (一事一申请)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  items?: number;

  @ApiProperty({ description: 'Why the volume or frequency clearly exceeds a reasonable range (Art. 42)' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  justification: string;

  @ApiProperty({ description: 'How to pay (缴纳方式)' })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  paymentInstructions: string;

  @ApiPropertyOptional({
    description: 'The day the applicant received the notice (its 20 WD start the next day)',
  })
  @IsOptional()
  @IsIsoDate()
  applicantReceivedOn?: IsoDate;
}

export class RecordFeeNoticeReceiptDto extends VersionedDto {
  @ApiProperty()
  @IsIsoDate()
  applicantReceivedOn: IsoDate;
}

export class RecordFeePaymentDto extends VersionedDto {
  @ApiProperty()
  @IsIsoDate()
  paidOn: IsoDate;

  @ApiPropertyOptional({ description: '财政票据号' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receiptNumber?: string;
}

export class RequestExtensionDto extends VersionedDto {
  @ApiProperty({ minimum: 1, maximum: MAX_EXTENSION_WD })
  @IsInt()
  @Min(1)
  @Max(MAX_EXTENSION_WD, {
    message: `延长的期限最长不得超过 ${MAX_EXTENSION_WD} 个工作日（第三十三条第二款）`,
  })
  days: number;

  @ApiProperty()
  @IsString()
  @IsNotBlank({ message: '须说明延期理由' })
  @MaxLength(2000)
  reason: string;
}

export class DecideExtensionDto extends VersionedDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @ApiProperty()
  @IsIsoDate()
  decidedOn: IsoDate;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class NotifyExtensionDto extends VersionedDto {
  @ApiProperty()
  @IsIsoDate()
  notifiedOn: IsoDate;

  @ApiProperty({ example: '邮寄延期答复告知书' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  means: string;
}

export class SetArt35PeriodDto extends VersionedDto {
  @ApiProperty({ description: 'The reasonable later due date' })
  @IsIsoDate()
  dueOn: IsoDate;

  @ApiProperty()
  @IsIsoDate()
  notifiedOn: IsoDate;

  @ApiProperty()
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason: string;
}

export class SaveDraftDto extends VersionedDto {
  @ApiProperty({ enum: OUTCOME_CODES })
  @IsDefined({ message: '请选择办理结果' })
  @IsIn(OUTCOME_CODES)
  outcome: Outcome;

  @ApiProperty({ type: OutcomeDetailDto })
  @RequiredObject(() => OutcomeDetailDto, '须填写答复内容')
  detail: OutcomeDetailDto;
}

export class CommentDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ReturnDraftDto extends VersionedDto {
  @ApiProperty()
  @IsString()
  @IsNotBlank({ message: '退回须说明修改意见' })
  @MaxLength(2000)
  comment: string;
}

export class IssueReplyDto extends VersionedDto {
  @ApiProperty({ description: '作出答复之日 (the letter’s date)' })
  @IsIsoDate()
  repliedOn: IsoDate;
}

export class ServeDto extends VersionedDto {
  @ApiProperty()
  @IsIsoDate()
  servedOn: IsoDate;

  @ApiProperty({ example: 'EMS 邮寄' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  means: string;

  @ApiProperty({ example: 'EMS 1234567890123，签收记录' })
  @IsString()
  @IsNotBlank({ message: '须记录送达凭证' })
  @MaxLength(200)
  proof: string;
}

export class WithdrawDto extends VersionedDto {
  @ApiProperty()
  @IsIsoDate()
  withdrawnOn: IsoDate;

  @ApiProperty({ example: '申请人书面撤回' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  means: string;
}
