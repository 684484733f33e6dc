import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AnnualReportLock } from './annual-report-lock.entity.js';

/**
 * A change to a case or remedy record counted in a locked report, found after the lock: the history
 * behind the report's flags, and the reason for the case's `report_changed` timeline note (written
 * once per row: `notedAt`).
 */
@Entity('report_change')
@Index('report_change_lock_subject_change_key', ['lockId', 'subjectKey', 'changeKey'], { unique: true })
@Index('report_change_unnoted_idx', ['detectedAt'], { where: 'noted_at IS NULL' })
export class ReportChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @ManyToOne(() => AnnualReportLock, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lock_id' })
  lock: Relation<AnnualReportLock>;

  @Column({ type: 'uuid' })
  lockId: string;

  /** `case:<id>` or `remedy:<id>`. */
  @Column({ type: 'varchar', length: 60 })
  subjectKey: string;

  @Column({ type: 'uuid' })
  caseId: string;

  /** Identifies the state changed to, so that one change is recorded once. */
  @Column({ type: 'varchar', length: 200 })
  changeKey: string;

  /** The cells the subject counted in when locked, and counts in now. */
  @Column({ type: 'jsonb' })
  cellsBefore: string[];

  @Column({ type: 'jsonb' })
  cellsAfter: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  detectedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  notedAt: Date | null;
}
