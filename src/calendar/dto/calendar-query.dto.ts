import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsIsoDate } from './is-iso-date.decorator.js';

const MIN_YEAR = 1949;
const MAX_YEAR = 2100;

class AgencyScopedQuery {
  @ApiPropertyOptional({
    description: '按该机关的日历计算（含其本地放假日）；不填则用全国日历',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID('all')
  agencyId?: string;
}

export class AddWorkingDaysQueryDto extends AgencyScopedQuery {
  @ApiProperty({ example: '2025-09-26', description: '起算日（如收到申请之日）；当日不计入' })
  @IsIsoDate()
  from: string;

  @ApiProperty({ example: 20, minimum: 0, maximum: 1000, description: '工作日数' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  days: number;
}

export class BetweenQueryDto extends AgencyScopedQuery {
  @ApiProperty({ example: '2026-02-12', description: '起始日（不计入）' })
  @IsIsoDate()
  from: string;

  @ApiProperty({ example: '2026-03-18', description: '终止日（计入）；早于起始日时结果为负数' })
  @IsIsoDate()
  to: string;
}

export class AddCalendarDaysQueryDto extends AgencyScopedQuery {
  @ApiProperty({ example: '2026-08-02', description: '起算日（如收到答复之日）；当日不计入' })
  @IsIsoDate()
  from: string;

  @ApiProperty({ example: 60, minimum: 0, maximum: 3660, description: '日数（自然日，如复议期限 60 日）' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  days: number;
}

export class AddMonthsQueryDto extends AgencyScopedQuery {
  @ApiProperty({ example: '2026-08-31', description: '起算日（如知道作出行政行为之日）' })
  @IsIsoDate()
  from: string;

  @ApiProperty({ example: 6, minimum: 1, maximum: 120, description: '月数（如起诉期限 6 个月）' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  months: number;
}

export class DayQueryDto extends AgencyScopedQuery {}

export class YearParamDto {
  @ApiProperty({ example: 2027, minimum: MIN_YEAR, maximum: MAX_YEAR })
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;
}

export class DateParamDto {
  @ApiProperty({ example: '2026-10-01' })
  @IsIsoDate()
  date: string;
}

export class ImportQueryDto {
  @ApiPropertyOptional({
    description: 'true：只校验并返回差异和受影响的案件，不写入',
    default: false,
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}
