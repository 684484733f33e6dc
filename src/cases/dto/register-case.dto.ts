import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsNotBlank, RequiredObject, OptionalObject } from '../../common/validation/validators.js';
import {
  DELIVERY_METHODS,
  REQUESTED_FORMS,
  type DeliveryMethod,
  type RequestedForm,
} from '../case-details.js';
import { ApplicantDto } from './applicant.dto.js';
import { OutcomeDto } from './outcome-detail.dto.js';
import { ReceiptEvidenceDto } from './receipt-evidence.dto.js';

/** 登记: an application as the clerk records it (条例 Art. 29, 31). */
export class RegisterCaseDto {
  @ApiPropertyOptional({ description: 'Reuse an applicant registered earlier at this agency' })
  @IsOptional()
  @IsUUID('all', { message: '不是合法的申请人 ID' })
  applicantId?: string;

  @ApiPropertyOptional({ type: ApplicantDto, description: 'A new applicant (when applicantId is not given)' })
  @ValidateIf((o: RegisterCaseDto) => o.applicantId === undefined || o.applicant !== undefined)
  @RequiredObject(() => ApplicantDto, '须填写申请人信息，或选择已登记的申请人')
  applicant?: ApplicantDto;

  @ApiProperty({ type: ReceiptEvidenceDto })
  @RequiredObject(() => ReceiptEvidenceDto, '须填写收件凭证')
  evidence: ReceiptEvidenceDto;

  @ApiProperty({
    description: 'Art. 29(二): the information sought',
    example: '2025年度郯城县城区土地征收补偿方案',
  })
  @IsString()
  @IsNotBlank({ message: '须写明所申请公开的政府信息（名称或特征描述）' })
  @MinLength(2, { message: '须写明所申请公开的政府信息（名称或特征描述）' })
  @MaxLength(4000)
  informationSought: string;

  @ApiPropertyOptional({
    description: 'Document number or other identifying features',
    example: '郯政发〔2025〕3号',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  informationReference?: string;

  @ApiProperty({ enum: REQUESTED_FORMS, description: 'Art. 29(三): requested form' })
  @IsIn(REQUESTED_FORMS)
  requestedForm: RequestedForm;

  @ApiProperty({ enum: DELIVERY_METHODS, description: 'Art. 29(三): way of receiving it' })
  @IsIn(DELIVERY_METHODS)
  deliveryMethod: DeliveryMethod;

  @ApiPropertyOptional({ description: 'Where to send it, when different from the applicant’s address' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  deliveryAddress?: string;

  @ApiPropertyOptional({ description: 'Assign to a handler at once' })
  @IsOptional()
  @IsUUID('all', { message: '不是合法的用户 ID' })
  handlerId?: string;

  @ApiPropertyOptional({
    type: OutcomeDto,
    description:
      'Art. 33 para 1: answered on the spot (in person or oral only); closes the case on the day of receipt',
  })
  @OptionalObject(() => OutcomeDto)
  onTheSpotReply?: OutcomeDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  note?: string;
}
