import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../auth/user.entity.js';
import type { IsoDate } from '../common/clock/dates.js';
import { Applicant } from './applicant.entity.js';
import type {
  CaseExtension,
  CaseWarning,
  DeliveryMethod,
  OutcomeDetail,
  RequestedForm,
} from './case-details.js';
import { CASE_STATUSES, type CaseStatus } from './case-status.js';
import { CHANNELS, type Channel } from './channel.js';
import type { ClockState } from './clock.rules.js';
import { OUTCOME_CODES, type Outcome } from './outcome.js';
import type { ReceiptEvidence } from './receipt.rules.js';

const inList = (column: string, values: readonly string[]) =>
  `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

/**
 * One disclosure application and where it stands. Its status and clock columns are a projection of
 * its events (case_event), updated in the same transaction; they exist so that lists can be filtered
 * and sorted without replaying events.
 */
@Entity('disclosure_case')
@Check('disclosure_case_status_check', inList('status', CASE_STATUSES))
@Check('disclosure_case_channel_check', inList('channel', CHANNELS))
@Check('disclosure_case_outcome_check', `outcome IS NULL OR ${inList('outcome', OUTCOME_CODES)}`)
@Index('disclosure_case_agency_id_case_number_key', ['agencyId', 'caseNumber'], { unique: true })
@Index('disclosure_case_agency_id_status_due_on_idx', ['agencyId', 'status', 'dueOn'])
@Index('disclosure_case_agency_id_received_on_idx', ['agencyId', 'receivedOn'])
@Index('disclosure_case_handler_id_status_idx', ['handlerId', 'status'])
@Index('disclosure_case_applicant_id_idx', ['applicantId'])
// The whole county by receipt date (supervisors' lists, annual-report periods).
@Index('disclosure_case_received_on_idx', ['receivedOn'])
// Trigram search in the information sought (pg_trgm, created by the migration; TypeORM cannot express it).
@Index('disclosure_case_information_sought_trgm_idx', { synchronize: false })
// Bigram search in the information sought, for the two-character terms Chinese searches often are
// (case_text_bigrams(), migration CaseTextSearch; TypeORM cannot express it).
@Index('disclosure_case_information_sought_bigram_idx', { synchronize: false })
// The lists' default order, "open first, then by due date" (CLOSED_CASE in case-queries.service.ts,
// then due_on, received_on, id), for the county, an agency and a handler: expression indexes created
// by migration CaseListIndexes, which TypeORM cannot express.
@Index('disclosure_case_list_idx', { synchronize: false })
@Index('disclosure_case_agency_id_list_idx', { synchronize: false })
@Index('disclosure_case_handler_id_list_idx', { synchronize: false })
export class DisclosureCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency: Relation<Agency>;

  @Column({ type: 'uuid' })
  agencyId: string;

  /** Per agency and year: 2026-00015. */
  @Column({ type: 'varchar', length: 20 })
  caseNumber: string;

  @ManyToOne(() => Applicant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id' })
  applicant: Relation<Applicant>;

  @Column({ type: 'uuid' })
  applicantId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  /** The evidence the receipt date was derived from (Art. 31). */
  @Column({ type: 'jsonb' })
  receiptEvidence: ReceiptEvidence;

  /** 收到申请之日 of the original application (Art. 31), derived, never typed. */
  @Column({ type: 'date' })
  receivedOn: IsoDate;

  /** The receipt date the current clock counts from (the corrected application's after a 补正). */
  @Column({ type: 'date' })
  clockStartedOn: IsoDate;

  // Art. 29(二): the information sought, by description, document number or other features.
  @Column({ type: 'text' })
  informationSought: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  informationReference: string;

  // Art. 29(三): form and way of receiving it.
  @Column({ type: 'varchar', length: 16 })
  requestedForm: RequestedForm;

  @Column({ type: 'varchar', length: 16 })
  deliveryMethod: DeliveryMethod;

  @Column({ type: 'varchar', length: 200, default: '' })
  deliveryAddress: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: CaseWarning[];

  @Column({ type: 'varchar', length: 24 })
  status: CaseStatus;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handler_id' })
  handler: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  handlerId: string | null;

  // Clock projection (clock.rules.ts), recomputed on every event and calendar change.
  @Column({ type: 'varchar', length: 24 })
  clockState: ClockState;

  @Column({ type: 'date', nullable: true })
  dueOn: IsoDate | null;

  @Column({ type: 'date', nullable: true })
  originalDueOn: IsoDate | null;

  @Column({ type: 'date' })
  correctionNoticeDueOn: IsoDate;

  @Column({ type: 'date', nullable: true })
  correctionPeriodEndsOn: IsoDate | null;

  @Column({ type: 'integer', default: 0 })
  excludedWorkingDays: number;

  @Column({ type: 'boolean', default: false })
  clockProvisional: boolean;

  @Column({ type: 'jsonb', nullable: true })
  extension: CaseExtension | null;

  // Outcome (exactly one per closed case) and its facts.
  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome: Outcome | null;

  @Column({ type: 'jsonb', nullable: true })
  outcomeDetail: OutcomeDetail | null;

  /** 作出答复之日 (the letter's date). */
  @Column({ type: 'date', nullable: true })
  repliedOn: IsoDate | null;

  /** The day the case stopped owing a reply: reply, withdrawal or 视为放弃. */
  @Column({ type: 'date', nullable: true })
  closedOn: IsoDate | null;

  @Column({ type: 'boolean', default: false })
  closedLate: boolean;

  // 送达 (delivery of the reply): remedy periods run from it.
  @Column({ type: 'date', nullable: true })
  servedOn: IsoDate | null;

  @Column({ type: 'varchar', length: 100, default: '' })
  servedMeans: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  servedProof: string;

  @Column({ type: 'timestamptz' })
  registeredAt: Date;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by' })
  registrar: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  registeredBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
