import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { ApplicantType } from '../cases/applicant-type.js';
import { DisclosureCase } from '../cases/disclosure-case.entity.js';
import type { Outcome } from '../cases/outcome.js';
import type { IsoDate } from '../common/clock/clock.js';

/**
 * The columns of a case that supervision counts, one narrow row per case (~100 bytes against the
 * case row's ~330), so that a dashboard or an annual report over a million cases scans a third of
 * the data and has indexes of its own. Written ONLY by database triggers on disclosure_case and
 * applicant (migration SupervisionAndReminders): every change to a case, through the services or
 * a raw UPDATE (the clock sweep), is reflected in the same transaction. Never written by the app.
 */
@Entity('supervision_case_fact')
// By receipt and by closing date, covering what the dashboard's passes read (index-only scans):
// INCLUDE columns, created by migration SupervisionDashboardIndexes, which TypeORM cannot express.
@Index('supervision_case_fact_received_on_cover_idx', { synchronize: false })
@Index('supervision_case_fact_closed_on_cover_idx', { synchronize: false })
@Index('supervision_case_fact_open_due_on_idx', ['agencyId', 'dueOn'], { where: 'closed_on IS NULL' })
export class SupervisionCaseFact {
  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => DisclosureCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<DisclosureCase>;

  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'uuid', nullable: true })
  handlerId: string | null;

  @Column({ type: 'varchar', length: 32 })
  applicantType: ApplicantType;

  @Column({ type: 'date' })
  receivedOn: IsoDate;

  @Column({ type: 'date' })
  clockStartedOn: IsoDate;

  @Column({ type: 'date', nullable: true })
  closedOn: IsoDate | null;

  @Column({ type: 'date', nullable: true })
  dueOn: IsoDate | null;

  @Column({ type: 'varchar', length: 24 })
  clockState: string;

  @Column({ type: 'integer' })
  excludedWorkingDays: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome: Outcome | null;
}
