import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Table4Column } from './annual-report.layout.js';
import { AnnualReportLock } from './annual-report-lock.entity.js';

/** Where a remedy record stood in a locked report's table 四. */
@Entity('annual_report_lock_remedy')
export class AnnualReportLockRemedy {
  @PrimaryColumn({ type: 'uuid' })
  lockId: string;

  @ManyToOne(() => AnnualReportLock, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lock_id' })
  lock: Relation<AnnualReportLock>;

  @PrimaryColumn({ type: 'uuid' })
  recordId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  /** The column the record counted in (its kind's 总计 too). */
  @Column({ type: 'varchar', length: 60 })
  placedIn: Table4Column;
}
