import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { IsoDate } from '../../common/clock/dates.js';
import type { ApplicantType } from '../applicant-type.js';
import type {
  CaseExtension,
  CaseWarning,
  DeliveryMethod,
  OutcomeDetail,
  RequestedForm,
} from '../case-details.js';
import type { CaseStatus } from '../case-status.js';
import type { CaseAction } from '../case.workflow.js';
import type { Channel } from '../channel.js';
import type { ClockResult } from '../clock.rules.js';
import type { Outcome } from '../outcome.js';
import type { ReceiptEvidence } from '../receipt.rules.js';

/** How urgent a case is, for colours in lists: overdue, due within 3 WD, paused, waiting, on track, closed. */
export type DueFlag = 'overdue' | 'due_soon' | 'paused' | 'awaiting_correction' | 'on_track' | 'closed';

export class CaseSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2026-00015' }) caseNumber: string;
  @ApiProperty() agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty() applicantName: string;
  @ApiProperty() applicantType: ApplicantType;
  @ApiProperty({ description: 'Masked: 110105********002X' }) applicantIdNumber: string;
  @ApiProperty() informationSought: string;
  @ApiProperty() channel: Channel;
  @ApiProperty({ description: 'Legal receipt date (Art. 31)' }) receivedOn: IsoDate;
  @ApiProperty() status: CaseStatus;
  @ApiProperty() statusLabel: string;
  @ApiPropertyOptional({ type: String, nullable: true }) handlerId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) handlerName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) dueOn: IsoDate | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '0 on the due date, negative when overdue',
  })
  remainingWorkingDays: number | null;
  @ApiProperty({ enum: ['overdue', 'due_soon', 'paused', 'awaiting_correction', 'on_track', 'closed'] })
  dueFlag: DueFlag;
  @ApiProperty({ description: 'The due date depends on a year whose holidays are not yet published' })
  clockProvisional: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) outcome: Outcome | null;
  @ApiPropertyOptional({ type: String, nullable: true }) outcomeLabel: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) closedOn: IsoDate | null;
  @ApiProperty() closedLate: boolean;
  @ApiProperty() version: number;
}

export class ApplicantResponse {
  @ApiProperty() id: string;
  @ApiProperty() type: ApplicantType;
  @ApiProperty() typeLabel: string;
  @ApiProperty() name: string;
  @ApiProperty() idType: string;
  @ApiProperty({ description: 'Full only for the agency’s own clerks, handlers and approvers' })
  idNumber: string;
  @ApiProperty() phone: string;
  @ApiPropertyOptional({ type: String, nullable: true }) email: string | null;
  @ApiProperty() address: string;
  @ApiProperty() postcode: string;
  @ApiPropertyOptional({ nullable: true, type: Object }) agent: {
    name: string;
    idType: string;
    idNumber: string;
    phone: string;
    authorisation: string;
  } | null;
  @ApiProperty() needsAssistance: boolean;
  @ApiProperty() assistanceNote: string;
}

export class ConsultationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['third_party', 'agency'] }) kind: 'third_party' | 'agency';
  @ApiProperty() partyName: string;
  @ApiProperty() partyContact: string;
  @ApiProperty() matter: string;
  @ApiProperty() dispatchedOn: IsoDate;
  @ApiPropertyOptional({ type: String, nullable: true }) partyReceivedOn: IsoDate | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Party receipt + 15 WD (Art. 32, 34)' })
  periodEndsOn: IsoDate | null;
  @ApiPropertyOptional({ type: String, nullable: true }) repliedOn: IsoDate | null;
  @ApiPropertyOptional({ type: String, nullable: true }) result: string | null;
  @ApiProperty() replySummary: string;
}

export class CaseDetailResponse extends CaseSummaryResponse {
  @ApiProperty({ type: ApplicantResponse }) applicant: ApplicantResponse;
  @ApiProperty({ type: Object }) receiptEvidence: ReceiptEvidence;
  @ApiProperty() informationReference: string;
  @ApiProperty() requestedForm: RequestedForm;
  @ApiProperty() deliveryMethod: DeliveryMethod;
  @ApiProperty() deliveryAddress: string;
  @ApiProperty({ type: Object, isArray: true }) warnings: CaseWarning[];
  @ApiProperty({ type: Object, description: 'The clock with its explanation (how each date was computed)' })
  clock: ClockResult;
  @ApiProperty({ type: ConsultationResponse, isArray: true }) consultations: ConsultationResponse[];
  @ApiPropertyOptional({ type: Object, nullable: true }) extension: CaseExtension | null;
  @ApiPropertyOptional({ type: Object, nullable: true }) outcomeDetail: OutcomeDetail | null;
  @ApiPropertyOptional({ type: String, nullable: true }) repliedOn: IsoDate | null;
  @ApiPropertyOptional({ type: String, nullable: true }) servedOn: IsoDate | null;
  @ApiProperty() servedMeans: string;
  @ApiProperty() servedProof: string;
  @ApiProperty({ description: 'The steps the current user may take now', isArray: true, type: String })
  allowedActions: CaseAction[];
  @ApiProperty({ type: String, isArray: true, description: 'Warnings raised by the last command' })
  notices: string[];
}

export class CaseEventResponse {
  @ApiProperty() seq: number;
  @ApiProperty() action: string;
  @ApiProperty() actionLabel: string;
  @ApiPropertyOptional({ type: String, nullable: true }) fromStatus: CaseStatus | null;
  @ApiProperty() toStatus: CaseStatus;
  @ApiProperty() occurredAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty() actorName: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ type: Object }) data: Record<string, unknown>;
  @ApiProperty({ type: Object }) changes: Record<string, [unknown, unknown]>;
  @ApiProperty() reason: string;
}

export class CasePageResponse {
  @ApiProperty({ type: CaseSummaryResponse, isArray: true }) items: CaseSummaryResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({
    description:
      'Matching cases: exact up to 10,000 (1,000 for a text search), else the database’s estimate (totalExact false)',
  })
  total: number;
  @ApiProperty({
    description: 'False when total is an estimate (more matching cases than are counted exactly)',
  })
  totalExact: boolean;
}
