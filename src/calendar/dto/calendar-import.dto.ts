import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { IsoDate } from '../../common/clock/clock.js';
import type { ImportFormat } from '../calendar-import.rules.js';
import type { DayKind } from '../working-day-calendar.js';
import { CalendarSourceDto, type YearStatusView } from './calendar-year.dto.js';

// Documentation of the two accepted bodies. The body itself is checked by the pure import parser
// (calendar-import.rules.ts), which lists every error at once.

class HolidayCnDayDto {
  @ApiProperty({ example: '春节' })
  name: string;

  @ApiProperty({ example: '2027-02-06' })
  date: string;

  @ApiProperty({ description: 'true 放假；false 调休上班' })
  isOffDay: boolean;
}

export class HolidayCnYearDto {
  @ApiProperty({ example: 2027 })
  year: number;

  @ApiProperty({ type: [String], description: '通知网址（gov.cn）' })
  papers: string[];

  @ApiProperty({ type: [HolidayCnDayDto] })
  days: HolidayCnDayDto[];
}

class OwnFormatDayDto {
  @ApiProperty({ example: '2027-02-06' })
  date: string;

  @ApiProperty({ enum: ['holiday', 'makeup_workday'] })
  kind: string;

  @ApiProperty({ example: '春节' })
  name: string;

  @ApiPropertyOptional()
  note?: string;
}

export class CalendarYearImportDto {
  @ApiProperty({ example: 'gip-desk.calendar-year/1' })
  format: string;

  @ApiProperty({ example: 2027 })
  year: number;

  @ApiPropertyOptional({ enum: ['published', 'provisional'], default: 'published' })
  status?: string;

  @ApiProperty({ type: [CalendarSourceDto] })
  sources: CalendarSourceDto[];

  @ApiProperty({ type: [OwnFormatDayDto] })
  days: OwnFormatDayDto[];
}

class DayStateDto {
  @ApiProperty()
  working: boolean;

  @ApiProperty({ enum: ['workday', 'weekend', 'holiday', 'makeup_workday', 'local_closure'] })
  kind: DayKind;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;
}

export class DayChangeDto {
  @ApiProperty()
  date: IsoDate;

  @ApiProperty()
  weekday: string;

  @ApiProperty({
    type: DayStateDto,
    nullable: true,
    description: 'null：该日原无数据（2000 年以前未导入的年份）',
  })
  before: DayStateDto | null;

  @ApiProperty({ type: DayStateDto, nullable: true })
  after: DayStateDto | null;
}

export class CalendarImpactRowDto {
  @ApiProperty()
  caseId: string;

  @ApiProperty()
  caseNumber: string;

  @ApiProperty()
  agencyId: string;

  @ApiProperty({ example: '答复期限' })
  deadline: string;

  @ApiProperty()
  dueDateBefore: IsoDate;

  @ApiProperty()
  dueDateAfter: IsoDate;

  @ApiProperty()
  provisionalAfter: boolean;
}

export class CalendarImportResultDto {
  @ApiProperty({ example: 2027 })
  year: number;

  @ApiProperty({ description: 'true：只是预览，未写入' })
  dryRun: boolean;

  @ApiProperty({ enum: ['holiday-cn', 'gip-desk'] })
  format: ImportFormat;

  @ApiProperty({ enum: ['published', 'provisional', 'not_published'] })
  statusBefore: YearStatusView;

  @ApiProperty({ enum: ['published', 'provisional'] })
  statusAfter: 'published' | 'provisional';

  @ApiProperty({ description: '替换已导入的年份' })
  replaces: boolean;

  @ApiProperty({ description: '内容与已导入的完全相同' })
  unchanged: boolean;

  @ApiProperty({ type: [CalendarSourceDto] })
  sources: CalendarSourceDto[];

  @ApiProperty({ type: [String], description: '提示（不妨碍导入）' })
  warnings: string[];

  @ApiProperty({ type: [DayChangeDto], description: '放假/上班状态、类别或名称发生变化的日期' })
  changes: DayChangeDto[];

  @ApiProperty({ type: [CalendarImpactRowDto], description: '期限将随之变化的未办结案件' })
  impact: CalendarImpactRowDto[];

  @ApiProperty()
  contentHash: string;

  @ApiPropertyOptional({ description: '写入后的变更记录编号' })
  changeId?: string;
}
