import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../auth/user.entity.js';
import type { Table3Cells } from './table3.rules.js';
import type { Table4 } from './table4.rules.js';

/**
 * A year's report as published (条例 Art. 49: departments by 31 January, the county by 31 March):
 * its figures frozen, and with annual_report_lock_case / _remedy the place of every case and record
 * in it, so that later changes can be named cell by cell and case by case.
 */
@Entity('annual_report_lock')
@Index('annual_report_lock_year_scope_key', ['year', 'scopeKey'], { unique: true })
export class AnnualReportLock {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'smallint' })
  year: number;

  /** `county`, or the agency id. */
  @Column({ type: 'varchar', length: 40 })
  scopeKey: string;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency: Relation<Agency> | null;

  /** null: the county-wide report. */
  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ type: 'jsonb' })
  table3: Table3Cells;

  @Column({ type: 'jsonb' })
  table4: Table4['cells'];

  @Column({ type: 'timestamptz' })
  lockedAt: Date;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'locked_by' })
  locker: Relation<User>;

  @Column({ type: 'uuid' })
  lockedBy: string;

  @Column({ type: 'varchar', length: 60 })
  lockedByName: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  note: string;
}
