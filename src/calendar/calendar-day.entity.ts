import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from './calendar-data.js';
import { CalendarYear } from './calendar-year.entity.js';

/**
 * A day of a year's schedule that differs from the Monday–Friday rule: a day off, or a weekend day
 * worked (调休上班). `date` may lie in the previous December (元旦 arrangements, e.g. 2018-12-29 in 2019).
 */
@Entity('calendar_day')
@Check('calendar_day_kind_check', `kind IN (${CALENDAR_DAY_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class CalendarDay {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @PrimaryColumn({ type: 'date' })
  date: string;

  @ManyToOne(() => CalendarYear, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'year' })
  calendarYear: Relation<CalendarYear>;

  @Column({ type: 'varchar', length: 20 })
  kind: CalendarDayKind;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}
