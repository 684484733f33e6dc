import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { IsoDate } from '../../common/clock/clock.js';
import type { CalendarDayKind } from '../calendar-data.js';
import type { CalendarChangeAction } from '../calendar-change.entity.js';
import type { ImportFormat } from '../calendar-import.rules.js';
import type { CalendarYearOrigin } from '../calendar-year.entity.js';
import { DayInfoDto } from './period-result.dto.js';

export type YearStatusView = 'published' | 'provisional' | 'not_published';

export class CalendarSourceDto {
  @ApiProperty({ example: '国务院办公厅关于2020年部分节假日安排的通知' })
  title: string;

  @ApiProperty({ nullable: true, type: String, example: '国办发明电〔2019〕16号' })
  documentNumber: string | null;

  @ApiProperty({ nullable: true, type: String })
  url: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2019-11-21' })
  publishedOn: IsoDate | null;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2026-02-14' })
  date: IsoDate;

  @ApiProperty({ example: '周六' })
  weekday: string;

  @ApiProperty({ enum: ['holiday', 'makeup_workday'] })
  kind: CalendarDayKind;

  @ApiProperty({ example: '春节' })
  name: string;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;
}

export class ActorDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  userId: string | null;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;

  @ApiProperty({ nullable: true, type: String })
  remoteAddress: string | null;
}

export class CalendarYearSummaryDto {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ enum: ['published', 'provisional', 'not_published'] })
  status: YearStatusView;

  @ApiProperty({ enum: ['seed', 'import'] })
  origin: CalendarYearOrigin;

  @ApiProperty({ enum: ['holiday-cn', 'gip-desk'] })
  sourceFormat: ImportFormat;

  @ApiProperty({ type: [CalendarSourceDto] })
  sources: CalendarSourceDto[];

  @ApiProperty({ example: 30 })
  holidayCount: number;

  @ApiProperty({ example: 5 })
  makeupWorkdayCount: number;

  @ApiProperty()
  loadedAt: string;

  @ApiProperty({ type: ActorDto })
  loadedBy: ActorDto;

  @ApiProperty({ description: 'SHA-256 of the schedule' })
  contentHash: string;
}

export class CalendarYearListDto {
  @ApiProperty({ type: [CalendarYearSummaryDto] })
  items: CalendarYearSummaryDto[];

  @ApiProperty({ nullable: true, type: Number, example: 2026, description: '最后一个已发布的年份' })
  lastPublishedYear: number | null;

  @ApiProperty({ description: '今天（业务时区）' })
  today: IsoDate;

  @ApiProperty({
    type: [Number],
    description: '今年和明年中尚未发布放假安排的年份：期限落入其中的计算结果为临时结果',
  })
  unpublishedUpcomingYears: number[];
}

export class CalendarChangeDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  at: string;

  @ApiProperty()
  action: CalendarChangeAction;

  @ApiProperty({ type: ActorDto })
  actor: ActorDto;

  @ApiProperty({ type: Object })
  details: Record<string, unknown>;
}

export class StatutoryBasisDto {
  @ApiProperty({ example: '《全国年节及纪念日放假办法》（2024年11月10日修订，2025年1月1日起施行）' })
  title: string;

  @ApiProperty({ type: [DayInfoDto], description: '按放假办法推算的放假日（含第六条补假）' })
  days: DayInfoDto[];
}

export class CalendarYearDetailDto {
  @ApiProperty({ example: 2027 })
  year: number;

  @ApiProperty({ enum: ['published', 'provisional', 'not_published'] })
  status: YearStatusView;

  @ApiPropertyOptional({ enum: ['seed', 'import'] })
  origin?: CalendarYearOrigin;

  @ApiPropertyOptional({ enum: ['holiday-cn', 'gip-desk'] })
  sourceFormat?: ImportFormat;

  @ApiProperty({ type: [CalendarSourceDto] })
  sources: CalendarSourceDto[];

  @ApiProperty({ type: [CalendarDayDto], description: '通知中的放假日和调休上班日' })
  days: CalendarDayDto[];

  @ApiPropertyOptional({ type: StatutoryBasisDto, description: '未发布的年份：按放假办法推算的法定节假日' })
  statutoryFallback?: StatutoryBasisDto;

  @ApiPropertyOptional()
  loadedAt?: string;

  @ApiPropertyOptional({ type: ActorDto })
  loadedBy?: ActorDto;

  @ApiPropertyOptional()
  contentHash?: string;

  @ApiProperty({ type: [CalendarChangeDto], description: '该年份的导入记录，最近的在前' })
  history: CalendarChangeDto[];
}
