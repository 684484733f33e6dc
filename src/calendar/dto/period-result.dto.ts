import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { IsoDate } from '../../common/clock/clock.js';
import type { DayKind, ExplanationStepKind } from '../working-day-calendar.js';

const DAY_KINDS: DayKind[] = ['workday', 'weekend', 'holiday', 'makeup_workday', 'local_closure'];
const STEP_KINDS: ExplanationStepKind[] = ['counted', 'skipped', 'makeup_counted', 'moved'];

export class ExplanationStepDto {
  @ApiProperty({ example: '2026-02-14' })
  date: IsoDate;

  @ApiProperty({ example: '周六' })
  weekday: string;

  @ApiProperty({
    enum: STEP_KINDS,
    description: 'counted 计入；skipped 跳过；makeup_counted 调休上班计入；moved 顺延',
  })
  kind: ExplanationStepKind;

  @ApiProperty({ example: '调休上班（春节）' })
  reason: string;

  @ApiPropertyOptional({ example: 2, description: '第几个工作日' })
  ordinal?: number;

  @ApiPropertyOptional()
  note?: string;

  @ApiPropertyOptional({ description: '该日所在年份的放假安排未发布，为推算' })
  provisional?: boolean;
}

export class PeriodResultDto {
  @ApiProperty({ example: '2025-09-26' })
  from: IsoDate;

  @ApiProperty({ example: '2025-10-30', description: '期间届满日' })
  date: IsoDate;

  @ApiProperty({ description: '用到了尚未发布放假安排的年份，结果为临时结果' })
  provisional: boolean;

  @ApiProperty({ type: [Number], example: [] })
  provisionalYears: number[];

  @ApiProperty({ type: [ExplanationStepDto] })
  explanation: ExplanationStepDto[];

  @ApiProperty({ description: '计算过程的文字说明' })
  summary: string;

  @ApiPropertyOptional({ format: 'uuid', description: '按该机关的日历计算' })
  agencyId?: string;
}

export class BetweenResultDto {
  @ApiProperty({ example: '2026-02-12' })
  from: IsoDate;

  @ApiProperty({ example: '2026-03-18' })
  to: IsoDate;

  @ApiProperty({ example: 20, description: '(from, to] 内的工作日数；to 早于 from 时为负数' })
  workingDays: number;

  @ApiProperty()
  provisional: boolean;

  @ApiProperty({ type: [Number] })
  provisionalYears: number[];

  @ApiProperty({ type: [ExplanationStepDto] })
  explanation: ExplanationStepDto[];

  @ApiProperty()
  summary: string;

  @ApiPropertyOptional({ format: 'uuid' })
  agencyId?: string;
}

export class DayInfoDto {
  @ApiProperty({ example: '2026-10-01' })
  date: IsoDate;

  @ApiProperty({ example: '周四' })
  weekday: string;

  @ApiProperty()
  working: boolean;

  @ApiProperty({ enum: DAY_KINDS })
  kind: DayKind;

  @ApiPropertyOptional({ example: '国庆节' })
  name?: string;

  @ApiPropertyOptional()
  note?: string;

  @ApiProperty()
  provisional: boolean;
}
