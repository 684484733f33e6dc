import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';

/** The last case number used per agency and year; locked while a case is registered. */
@Entity('case_number_series')
export class CaseNumberSeries {
  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency: Relation<Agency>;

  @PrimaryColumn({ type: 'uuid' })
  agencyId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  lastNumber: number;
}
