import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { IsoDate } from '../../common/clock/clock.js';
import {
  OPEN_CASE_BANDS,
  type FlowFigures,
  type OpenCaseBand,
  type TimelinessFigures,
} from '../timeliness.rules.js';

export class TimelinessFiguresResponse implements TimelinessFigures {
  @ApiProperty({ description: '本期新收 (receipt date in the period)' }) received: number;
  @ApiProperty({ description: '本期办结' }) closed: number;
  @ApiProperty({
    description: 'Closed in the period with a reply period running: the on-time rate’s denominator',
  })
  closedWithDeadline: number;
  @ApiProperty({ description: '按期办结' }) closedOnTime: number;
  @ApiProperty({ description: '逾期已办' }) closedLate: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'closedOnTime / closedWithDeadline' })
  onTimeRate: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Working days to reply, paused time excluded',
  })
  medianWorkingDays: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Nearest-rank 90th percentile' })
  p90WorkingDays: number | null;
  @ApiProperty({ description: '在办 (today)' }) open: number;
  @ApiProperty({ description: '暂停计时 (today)' }) paused: number;
  @ApiProperty({ description: '即将逾期: due within 3 working days, not paused (today)' }) dueSoon: number;
  @ApiProperty({ description: '逾期未办 (today)' }) overdueOpen: number;
}

export class AgencyFiguresResponse {
  @ApiProperty() agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ type: TimelinessFiguresResponse }) figures: TimelinessFiguresResponse;
}

export class HandlerFiguresResponse {
  @ApiProperty() agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: not yet assigned' })
  handlerId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) handlerName: string | null;
  @ApiProperty({ type: TimelinessFiguresResponse }) figures: TimelinessFiguresResponse;
}

export class MonthFiguresResponse {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty() figures: FlowFigures;
}

export class TimelinessResponse {
  @ApiProperty() from: IsoDate;
  @ApiProperty() to: IsoDate;
  @ApiProperty() today: IsoDate;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: county-wide' })
  agencyId: string | null;
  @ApiProperty({ type: TimelinessFiguresResponse }) overall: TimelinessFiguresResponse;
  @ApiProperty({ type: AgencyFiguresResponse, isArray: true }) byAgency: AgencyFiguresResponse[];
  @ApiProperty({ type: HandlerFiguresResponse, isArray: true }) byHandler: HandlerFiguresResponse[];
  @ApiProperty({ type: MonthFiguresResponse, isArray: true }) byMonth: MonthFiguresResponse[];
}

export class CaseRefResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty() agencyId: string;
  @ApiProperty() agencyName: string;
}

export class AtRiskItemResponse extends CaseRefResponse {
  @ApiProperty({ enum: ['due_soon', 'overdue_open', 'closed_late'] }) category: string;
  @ApiProperty() categoryLabel: string;
  @ApiProperty() informationSought: string;
  @ApiProperty() status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) handlerId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) handlerName: string | null;
  @ApiProperty() dueOn: IsoDate;
  @ApiPropertyOptional({ type: String, nullable: true }) closedOn: IsoDate | null;
  @ApiProperty({
    description:
      'Working days from today to the due date (negative: overdue); for 逾期已办, minus the working days it was late',
  })
  remainingWorkingDays: number;
  @ApiProperty() paused: boolean;
}

export class AtRiskResponse {
  @ApiProperty() today: IsoDate;
  @ApiProperty() within: number;
  @ApiProperty({ description: 'Counts per category (all pages)' }) counts: Record<string, number>;
  @ApiProperty({ type: AtRiskItemResponse, isArray: true }) items: AtRiskItemResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class OpenCaseBandResponse {
  @ApiProperty({ enum: OPEN_CASE_BANDS }) band: OpenCaseBand;
  @ApiProperty({ example: '1—3 个工作日' }) label: string;
  @ApiProperty() count: number;
}

export class OpenCasesResponse {
  @ApiProperty() today: IsoDate;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: county-wide' })
  agencyId: string | null;
  @ApiProperty({ description: '在办 (today)' }) open: number;
  @ApiProperty({
    type: OpenCaseBandResponse,
    isArray: true,
    description:
      'Open cases by working days left, most urgent first: overdue (paused or not), due today, 1–3, 4–5, 6–10, 11–20, more; paused; waiting for a 补正',
  })
  bands: OpenCaseBandResponse[];
}

export class IdentityViolationResponse {
  @ApiProperty({ enum: [3, 4] }) table: number;
  @ApiProperty() identity: string;
  @ApiPropertyOptional({ type: String, nullable: true }) row: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) column: string | null;
  @ApiProperty() left: number;
  @ApiProperty() right: number;
  @ApiProperty() message: string;
  @ApiProperty({ description: 'How many cases (or records) break it' }) caseCount: number;
  @ApiProperty({ type: CaseRefResponse, isArray: true, description: 'The first 50' })
  cases: CaseRefResponse[];
}

export class AnomalyResponse extends CaseRefResponse {
  @ApiProperty() problem: string;
  @ApiProperty() message: string;
}

export class MovedCellResponse {
  @ApiProperty({ example: '3:carried_forward:total' }) cell: string;
  @ApiProperty({ enum: [3, 4] }) table: number;
  @ApiPropertyOptional({ type: String, nullable: true }) row: string | null;
  @ApiProperty() column: string;
  @ApiProperty() locked: number;
  @ApiProperty() current: number;
}

export class ChangedCaseResponse extends CaseRefResponse {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The remedy record, for a table 四 change',
  })
  remedyRecordId: string | null;
  @ApiProperty({ type: String, isArray: true }) cellsBefore: string[];
  @ApiProperty({ type: String, isArray: true }) cellsAfter: string[];
}

export class ReportLockResponse {
  @ApiProperty() lockedAt: string;
  @ApiProperty() lockedByName: string;
  @ApiProperty() note: string;
  @ApiProperty({ description: 'Cases or records counted in the report changed since it was locked' })
  changed: boolean;
  @ApiProperty({ type: MovedCellResponse, isArray: true }) movedCells: MovedCellResponse[];
  @ApiProperty({ type: ChangedCaseResponse, isArray: true }) changedCases: ChangedCaseResponse[];
  @ApiProperty({ description: 'The current figures (the report shows the locked ones)' })
  current: { table3: unknown; table4: unknown };
}

export class AnnualReportResponse {
  @ApiProperty() year: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: county-wide' }) agencyId:
    string | null;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Table 三: row → column → count' }) table3: Record<
    string,
    Record<string, number>
  >;
  @ApiProperty({ description: 'Table 四: column → count' }) table4: Record<string, number>;
  @ApiProperty({ type: IdentityViolationResponse, isArray: true }) violations: IdentityViolationResponse[];
  @ApiProperty({ type: AnomalyResponse, isArray: true }) anomalies: AnomalyResponse[];
  @ApiProperty({ description: 'No violation and no anomaly' }) consistent: boolean;
  @ApiPropertyOptional({ type: ReportLockResponse, nullable: true }) lock: ReportLockResponse | null;
}

export class DrillDownItemResponse extends CaseRefResponse {
  @ApiPropertyOptional({ type: String, nullable: true }) remedyRecordId: string | null;
  @ApiProperty() applicantType: string;
  @ApiProperty() receivedOn: IsoDate;
  @ApiPropertyOptional({ type: String, nullable: true }) closedOn: IsoDate | null;
  @ApiPropertyOptional({ type: String, nullable: true }) outcome: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) outcomeLabel: string | null;
}

export class DrillDownResponse {
  @ApiProperty() year: number;
  @ApiProperty() cell: string;
  @ApiProperty({ description: 'The figure in the cell (current data)' }) total: number;
  @ApiProperty({ type: DrillDownItemResponse, isArray: true }) items: DrillDownItemResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
