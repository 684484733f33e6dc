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
import { Agency } from '../agencies/agency.entity.js';

/**
 * A day one agency does not work although the national calendar says it does: a local ethnic holiday
 * (放假办法 Art. 4) or a closure ordered locally. Counts for that agency's cases only.
 */
@Entity('calendar_local_day')
@Index('calendar_local_day_agency_id_date_key', ['agencyId', 'date'], { unique: true })
export class CalendarLocalDay {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency: Relation<Agency>;

  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  createdByName: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  createdFromAddress: string | null;
}
