import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { ApplicantType } from '../cases/applicant-type.js';
import type { Outcome } from '../cases/outcome.js';
import type { YearSide } from './report-classes.rules.js';
import { AnnualReportLock } from './annual-report-lock.entity.js';

/** Where a case stood in a locked report: its class (report-classes.rules.ts) at locking. */
@Entity('annual_report_lock_case')
export class AnnualReportLockCase {
  @PrimaryColumn({ type: 'uuid' })
  lockId: string;

  @ManyToOne(() => AnnualReportLock, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lock_id' })
  lock: Relation<AnnualReportLock>;

  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'varchar', length: 32 })
  applicantType: ApplicantType;

  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome: Outcome | null;

  @Column({ type: 'varchar', length: 8 })
  receivedSide: YearSide;

  /** A YearSide, or `open`. */
  @Column({ type: 'varchar', length: 8 })
  closedSide: YearSide | 'open';
}
