import { Check, Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import { YEAR_STATUSES, type CalendarYearStatus } from './calendar-data.js';
import type { ImportFormat } from './calendar-import.rules.js';

export const YEAR_ORIGINS = ['seed', 'import'] as const;
/** `seed`: loaded by the seeds, which may update it; `import`: loaded by an admin, which the seeds never touch. */
export type CalendarYearOrigin = (typeof YEAR_ORIGINS)[number];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One year of the State Council's holiday schedule (国务院办公厅关于XXXX年部分节假日安排的通知). Its notices
 * are `calendar_notice` rows, its days `calendar_day` rows; every load is logged in `calendar_change`.
 */
@Entity('calendar_year')
@Check('calendar_year_year_check', 'year BETWEEN 1949 AND 2100')
@Check('calendar_year_status_check', `status IN (${list(YEAR_STATUSES)})`)
@Check('calendar_year_origin_check', `origin IN (${list(YEAR_ORIGINS)})`)
export class CalendarYear {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 16 })
  status: CalendarYearStatus;

  @Column({ type: 'varchar', length: 16 })
  origin: CalendarYearOrigin;

  /** The format the schedule was loaded from. */
  @Column({ type: 'varchar', length: 16 })
  sourceFormat: ImportFormat;

  /** SHA-256 of the schedule's canonical JSON: tells whether a reload changes anything. */
  @Column({ type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'timestamptz' })
  loadedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  loadedByUserId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  loadedByName: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  loadedFromAddress: string | null;

  @VersionColumn()
  version: number;
}
