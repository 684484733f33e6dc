import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CalendarYear } from './calendar-year.entity.js';

/** A notice a year's schedule comes from; 2019 and 2020 have two (the 劳动节 adjustment, the 春节 extension). */
@Entity('calendar_notice')
export class CalendarNotice {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  /** 0 for the annual notice, then later notices in order. */
  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @ManyToOne(() => CalendarYear, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'year' })
  calendarYear: Relation<CalendarYear>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  documentNumber: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
