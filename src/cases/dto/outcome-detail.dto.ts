import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsDefined, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { IsoDate } from '../../common/clock/dates.js';
import { IsIsoDate, IsNotBlank, RequiredObject, OptionalObject } from '../../common/validation/validators.js';
import { OUTCOME_CODES, type Outcome } from '../outcome.js';

export class CompetentAgencyDto {
  @ApiProperty({ example: '郯城县住房和城乡建设局' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '0539-6200103，郯城县府前街 8 号' })
  @IsString()
  @MaxLength(200)
  contact: string;
}

export class EarlierReplyDto {
  @ApiProperty({ example: '2026-03-08' })
  @IsIsoDate()
  date: IsoDate;

  @ApiProperty({ example: '郯自然资信复〔2026〕12号' })
  @IsString()
  @MaxLength(100)
  reference: string;
}

/** The facts of an outcome; which are required depends on the outcome (outcome.rules.ts). */
export class OutcomeDetailDto {
  @ApiPropertyOptional({ description: 'Legal basis as printed; defaults to the outcome’s article' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  basis?: string;

  @ApiPropertyOptional({ description: 'Facts and reasons' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reasons?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  withheldParts?: string;

  @ApiPropertyOptional({ enum: OUTCOME_CODES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(OUTCOME_CODES, { each: true })
  withheldGrounds?: Outcome[];

  @ApiPropertyOptional({ description: 'Where and how the agency searched (不存在)' })
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  searchDescription?: string;

  @ApiPropertyOptional({ type: CompetentAgencyDto })
  @OptionalObject(() => CompetentAgencyDto)
  competentAgency?: CompetentAgencyDto;

  @ApiPropertyOptional({ type: EarlierReplyDto })
  @OptionalObject(() => EarlierReplyDto)
  earlierReply?: EarlierReplyDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  properChannel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  accessInstructions?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  specialProcedure?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  providedForm?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  formReason?: string;
}

export class OutcomeDto {
  @ApiProperty({ enum: OUTCOME_CODES })
  @IsDefined({ message: '请选择办理结果' })
  @IsIn(OUTCOME_CODES)
  outcome: Outcome;

  @ApiProperty({ type: OutcomeDetailDto })
  @RequiredObject(() => OutcomeDetailDto, '须填写答复内容')
  detail: OutcomeDetailDto;
}
