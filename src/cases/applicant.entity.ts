import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import type { IdDocumentType } from '../common/validation/validators.js';
import { APPLICANT_TYPES, type ApplicantType } from './applicant-type.js';

export const ID_DOCUMENT_TYPES: readonly IdDocumentType[] = [
  'resident_id',
  'credit_code',
  'passport',
  'other',
];

/** 委托代理人 (an applicant may act through an agent with a written authorisation). */
export interface ApplicantAgent {
  name: string;
  idType: IdDocumentType;
  idNumber: string;
  phone: string;
  /** How the authorisation was given, e.g. 授权委托书原件（已收）. */
  authorisation: string;
}

/**
 * A person or organisation applying (条例 Art. 27, 29(一)). Kept per agency: another agency never
 * sees it. Reused by later applications of the same applicant at that agency.
 */
@Entity('applicant')
@Check('applicant_type_check', `type IN (${APPLICANT_TYPES.map((t) => `'${t}'`).join(', ')})`)
@Check('applicant_id_type_check', `id_type IN (${ID_DOCUMENT_TYPES.map((t) => `'${t}'`).join(', ')})`)
// Lookup by ID number, within an agency or across the county (supervisors).
@Index('applicant_id_number_agency_id_idx', ['idNumber', 'agencyId'])
// Trigram search by name (pg_trgm, created by the migration).
@Index('applicant_name_trgm_idx', { synchronize: false })
export class Applicant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency: Relation<Agency>;

  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'varchar', length: 32 })
  type: ApplicantType;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  idType: IdDocumentType;

  @Column({ type: 'varchar', length: 50 })
  idNumber: string;

  @Column({ type: 'varchar', length: 40 })
  phone: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'varchar', length: 10, default: '' })
  postcode: string;

  @Column({ type: 'jsonb', nullable: true })
  agent: ApplicantAgent | null;

  /** Art. 43: 阅读困难或者视听障碍 — the office must help. */
  @Column({ type: 'boolean', default: false })
  needsAssistance: boolean;

  @Column({ type: 'varchar', length: 200, default: '' })
  assistanceNote: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
