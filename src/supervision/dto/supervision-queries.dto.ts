import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import type { IsoDate } from '../../common/clock/clock.js';
import { IsIsoDate } from '../../common/validation/validators.js';
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS } from '../annual-report.layout.js';
import { isIsoDate, periodProblems } from '../report-period.js';

const int = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/**
 * One end (`from` or `to`) of a statistics period: within 1949–2100, not after the other end, the
 * period at most MAX_PERIOD_YEARS long (report-period.ts). A malformed date is left to IsIsoDate.
 */
function InStatisticsPeriod(): PropertyDecorator {
  const problem = (args: ValidationArguments) =>
    periodProblems(args.object as { from?: unknown; to?: unknown }).find((e) => e.field === args.property);
  return (target, propertyName) =>
    registerDecorator({
      name: 'inStatisticsPeriod',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) => !isIsoDate(value) || !problem(args),
        defaultMessage: (args: ValidationArguments) => problem(args)?.message ?? '统计期间不正确',
      },
    });
}

export class AgencyFilterQuery {
  @ApiPropertyOptional({
    description: 'One agency. Supervisors and admins: omit for the whole county; others see only their own',
  })
  @IsOptional()
  @IsUUID('all', { message: '不是合法的机关 ID' })
  agencyId?: string;
}

export class TimelinessQuery extends AgencyFilterQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day of the period (inclusive)' })
  @IsIsoDate()
  @InStatisticsPeriod()
  from: IsoDate;

  @ApiProperty({ example: '2026-12-31', description: 'Last day of the period (inclusive)' })
  @IsIsoDate()
  @InStatisticsPeriod()
  to: IsoDate;
}

export const AT_RISK_CATEGORIES = ['due_soon', 'overdue_open', 'closed_late'] as const;
export type AtRiskCategory = (typeof AT_RISK_CATEGORIES)[number];

export class AtRiskQuery extends AgencyFilterQuery {
  @ApiPropertyOptional({
    description:
      '即将逾期 due_soon, 逾期未办 overdue_open, 逾期已办 closed_late (comma-separated); default the first two',
    example: 'due_soon,overdue_open',
  })
  @IsOptional()
  @Transform(list)
  @IsIn(AT_RISK_CATEGORIES, { each: true })
  category?: AtRiskCategory[];

  @ApiPropertyOptional({ description: 'Working days ahead that count as 即将逾期 (default 5)', default: 5 })
  @IsOptional()
  @Transform(int)
  @IsInt()
  @Min(0)
  @Max(40)
  within?: number;

  @ApiPropertyOptional({ description: '逾期已办: closed from (default 1 January of this year)' })
  @IsOptional()
  @IsIsoDate()
  @InStatisticsPeriod()
  from?: IsoDate;

  @ApiPropertyOptional({ description: '逾期已办: closed up to (default today)' })
  @IsOptional()
  @IsIsoDate()
  @InStatisticsPeriod()
  to?: IsoDate;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Transform(int)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Transform(int)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class DrillDownQuery extends AgencyFilterQuery {
  @ApiProperty({ enum: ['3', '4'], description: 'Table 三 or 四' })
  @IsIn(['3', '4'], { message: '表须为 3（表三）或 4（表四）' })
  table: '3' | '4';

  @ApiPropertyOptional({ enum: TABLE3_ROWS, description: 'Table 三: the row' })
  @IsOptional()
  @IsIn(TABLE3_ROWS, { message: '不是表三的行' })
  row?: (typeof TABLE3_ROWS)[number];

  @ApiProperty({
    description: 'Table 三: natural_person … total; table 四: e.g. reconsideration.upheld',
    example: 'total',
  })
  @IsIn([...TABLE3_COLUMNS, ...TABLE4_COLUMNS], { message: '不是表三或表四的列' })
  column: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Transform(int)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Transform(int)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export const REPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportExportQuery extends AgencyFilterQuery {
  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS, { message: '须为 Excel（XLSX）、CSV 或 PDF' })
  format: ReportFormat;
}

export class LockReportDto {
  @ApiPropertyOptional({
    description: 'The agency whose report is locked; omit for the county-wide report (supervisor)',
  })
  @IsOptional()
  @IsUUID('all', { message: '不是合法的机关 ID' })
  agencyId?: string;

  @ApiPropertyOptional({ description: 'e.g. 已于 2027-01-28 在政府网站公布' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class CaseExportQuery extends AgencyFilterQuery {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'], { message: '须为 CSV 或 Excel（XLSX）' })
  format: 'csv' | 'xlsx';

  @ApiProperty({ example: '2026-01-01', description: 'Received from (inclusive)' })
  @IsIsoDate()
  @InStatisticsPeriod()
  from: IsoDate;

  @ApiProperty({ example: '2026-12-31', description: 'Received up to (inclusive)' })
  @IsIsoDate()
  @InStatisticsPeriod()
  to: IsoDate;

  @ApiPropertyOptional({
    enum: ['masked', 'full'],
    default: 'masked',
    description:
      'full: names, ID numbers, phones and addresses in clear (only the agency’s own clerks, handlers and approvers)',
  })
  @IsOptional()
  @IsIn(['masked', 'full'])
  personalData?: 'masked' | 'full';
}
