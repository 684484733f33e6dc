import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { IsoDate } from '../../common/clock/dates.js';
import { IsIsoDate } from '../../common/validation/validators.js';
import { CommentDto } from './case-actions.dto.js';

/** 审核通过, with the day it was given when that was on paper before it is recorded here. */
export class ApproveDto extends CommentDto {
  @ApiPropertyOptional({
    description:
      'The day of the approval when it was given earlier on paper (default today); not before the draft was submitted for review. The reply cannot be dated before it.',
    example: '2026-12-31',
  })
  @IsOptional()
  @IsIsoDate()
  approvedOn?: IsoDate;
}
