import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CALENDAR_CHANGE_ACTIONS = [
  'year_seeded',
  'year_seed_updated',
  'year_imported',
  'year_replaced',
  'local_day_added',
  'local_day_removed',
] as const;
export type CalendarChangeAction = (typeof CALENDAR_CHANGE_ACTIONS)[number];

/**
 * Append-only log of every change to the calendar: who (user id/name, remote address), when, what.
 * Its highest id is the calendar's revision, which tells every app instance when to rebuild its cache.
 * No foreign keys: the log outlives what it describes.
 */
@Entity('calendar_change')
@Check(
  'calendar_change_action_check',
  `action IN (${CALENDAR_CHANGE_ACTIONS.map((a) => `'${a}'`).join(', ')})`,
)
@Index('calendar_change_year_idx', ['year'])
export class CalendarChange {
  /** bigint: TypeORM returns it as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 32 })
  action: CalendarChangeAction;

  @Column({ type: 'smallint', nullable: true })
  year: number | null;

  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  remoteAddress: string | null;

  /** What changed: formats, hashes before/after, the days that changed, the notices. */
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}
