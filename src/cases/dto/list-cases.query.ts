import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { toBool, toInt } from '../../common/validation/query-transforms.js';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { IsoDate } from '../../common/clock/dates.js';
import { IsIsoDate, NotBeforeDate } from '../../common/validation/validators.js';
import { CASE_STATUSES, type CaseStatus } from '../case-status.js';
import { CHANNELS, type Channel } from '../channel.js';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

export class ListCasesQuery {
  @ApiPropertyOptional({ description: 'Supervisors and admins: one agency; others see only their own' })
  @IsOptional()
  @IsUUID('all', { message: '不是合法的机关 ID' })
  agencyId?: string;

  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'investigating,drafting' })
  @IsOptional()
  @Transform(list)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ description: 'Only cases still owing a reply (true) or closed ones (false)' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ description: 'A handler id, or "me"' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== 'me')
  @IsUUID('all', { message: '不是合法的用户 ID' })
  handlerId?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ description: 'Legal receipt date from (inclusive)' })
  @IsOptional()
  @IsIsoDate()
  receivedFrom?: IsoDate;

  @ApiPropertyOptional({ description: 'Legal receipt date to (inclusive)' })
  @IsOptional()
  @IsIsoDate()
  @NotBeforeDate('receivedFrom')
  receivedTo?: IsoDate;

  @ApiPropertyOptional({ description: 'Due on or before' })
  @IsOptional()
  @IsIsoDate()
  dueBefore?: IsoDate;

  @ApiPropertyOptional({ description: 'Open and past the due date' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Clock paused (consultation or fee wait)' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  paused?: boolean;

  @ApiPropertyOptional({
    description: 'Only cases whose extension request awaits the approver (Art. 33 para 2)',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  extensionRequested?: boolean;

  @ApiPropertyOptional({ description: 'Applicant name (prefix) or full ID number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  applicant?: string;

  @ApiPropertyOptional({ description: 'Text in the information sought or the case number' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ['due', 'received', '-received'], default: 'due' })
  @IsOptional()
  @IsIn(['due', 'received', '-received'])
  sort?: 'due' | 'received' | '-received';

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
