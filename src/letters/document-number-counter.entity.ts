import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { DOCUMENT_SERIES, type DocumentSeries } from './letter-types.js';

/**
 * The last 发文字号 sequence number used per agency, year and series. Incremented by an upsert inside
 * the issuing transaction: the row lock serialises concurrent issues (no duplicates) and a rolled-back
 * issue rolls its number back too (no gaps).
 */
@Entity('document_number_counter')
@Check(
  'document_number_counter_series_check',
  `series IN (${DOCUMENT_SERIES.map((s) => `'${s}'`).join(', ')})`,
)
@Check('document_number_counter_year_check', 'year BETWEEN 2000 AND 2999')
@Check('document_number_counter_last_number_check', 'last_number > 0')
export class DocumentNumberCounter {
  @PrimaryColumn({ type: 'uuid' })
  agencyId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  series: DocumentSeries;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency: Relation<Agency>;

  @Column({ type: 'integer' })
  lastNumber: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
