import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  IsChinesePhone,
  IsIdNumberFor,
  type IdDocumentType,
  IsNotBlank,
  OptionalObject,
} from '../../common/validation/validators.js';
import { APPLICANT_TYPES, type ApplicantType } from '../applicant-type.js';
import { ID_DOCUMENT_TYPES } from '../applicant.entity.js';

export class AgentDto {
  @ApiProperty({ example: '李四' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: ID_DOCUMENT_TYPES })
  @IsIn(ID_DOCUMENT_TYPES)
  idType: IdDocumentType;

  @ApiProperty({ example: '371322199003070013' })
  @IsIdNumberFor('idType')
  idNumber: string;

  @ApiProperty({ example: '13800138000' })
  @IsChinesePhone()
  phone: string;

  @ApiProperty({ example: '授权委托书原件（已收）', description: 'How the authorisation was given' })
  @IsString()
  @IsNotBlank({ message: '须写明授权委托情况（如授权委托书）' })
  @MaxLength(200)
  authorisation: string;
}

/** 条例 Art. 29(一): name, identity document and contact details of the applicant. */
export class ApplicantDto {
  @ApiProperty({ enum: APPLICANT_TYPES, description: 'As the annual report counts applicants' })
  @IsIn(APPLICANT_TYPES)
  type: ApplicantType;

  @ApiProperty({ example: '张三' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: ID_DOCUMENT_TYPES })
  @IsIn(ID_DOCUMENT_TYPES)
  idType: IdDocumentType;

  @ApiProperty({ example: '11010519491231002X', description: 'Check digit verified (GB 11643 / GB 32100)' })
  @IsIdNumberFor('idType')
  idNumber: string;

  @ApiProperty({ example: '13800138000' })
  @IsChinesePhone()
  phone: string;

  @ApiPropertyOptional({ example: 'zhangsan@example.com' })
  @IsOptional()
  @IsEmail({}, { message: '不是有效的电子邮箱地址' })
  @MaxLength(100)
  email?: string;

  @ApiProperty({ example: '山东省临沂市郯城县人民路 1 号' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  address: string;

  @ApiPropertyOptional({ example: '276100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '邮政编码应为 6 位数字' })
  postcode?: string;

  @ApiPropertyOptional({ type: AgentDto, description: '委托代理人' })
  @OptionalObject(() => AgentDto)
  agent?: AgentDto;

  @ApiPropertyOptional({ description: 'Art. 43: reading difficulty or visual/hearing impairment' })
  @IsOptional()
  @IsBoolean()
  needsAssistance?: boolean;

  @ApiPropertyOptional({ example: '视力障碍，需电话告知答复内容' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  assistanceNote?: string;
}
