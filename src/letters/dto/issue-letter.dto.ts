import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { IsoDate } from '../../common/clock/dates.js';
import { IsIsoDate, IsNotBlank } from '../../common/validation/validators.js';
import { LETTER_TYPE_CODES } from '../letter-types.js';
import type { LetterType } from '../letter-view-models.js';

/** What the issuer chooses where the case does not say it (case-letter.rules.ts LetterOptions). */
export class LetterChoicesDto {
  @ApiPropertyOptional({
    description: '征求意见书/函 and the notice to the applicant: which consultation of the case',
  })
  @IsOptional()
  @IsUUID('all', { message: '不是合法的征求意见编号' })
  consultationId?: string;

  @ApiPropertyOptional({
    description: '说明理由告知书 (Art. 35): the day by which the applicant is asked to explain',
    example: '2026-12-11',
  })
  @IsOptional()
  @IsIsoDate()
  explanationDeadline?: IsoDate;
}

export class IssueLetterDto extends LetterChoicesDto {
  @ApiProperty({
    enum: LETTER_TYPE_CODES,
    description:
      'The document to issue. Reply letters are issued with POST /cases/:id/reply; here only for a reply made without one (当场答复)',
  })
  @IsIn(LETTER_TYPE_CODES, { message: '不是已知的文书种类' })
  type: LetterType;
}

export class SupersedeLetterDto extends LetterChoicesDto {
  @ApiProperty({ description: 'Why the letter is corrected (printed nowhere, kept with the correction)' })
  @IsString()
  @IsNotBlank({ message: '须说明更正的理由' })
  @MaxLength(500)
  reason: string;
}

export class LetterDraftQuery extends LetterChoicesDto {
  @ApiPropertyOptional({
    description: 'A reply letter’s intended date (作出答复之日); default today',
    example: '2026-11-27',
  })
  @IsOptional()
  @IsIsoDate()
  date?: IsoDate;
}
