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
import { User } from '../auth/user.entity.js';
import { DisclosureCase } from '../cases/disclosure-case.entity.js';
import type { IsoDate } from '../common/clock/clock.js';
import { REMEDY_KINDS, REMEDY_RESULTS, type RemedyKind, type RemedyResult } from './remedy.js';

const inList = (column: string, values: readonly string[]) =>
  `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

/**
 * A 行政复议 or 行政诉讼 about a concluded case (条例 Art. 51): what table 四 of the annual report
 * counts. A reconsideration and the suit that follows it are two records.
 */
@Entity('remedy_record')
@Check('remedy_record_kind_check', inList('kind', REMEDY_KINDS))
@Check('remedy_record_result_check', inList('result', REMEDY_RESULTS))
@Check('remedy_record_decided_check', `(result = 'pending') = (decided_on IS NULL)`)
@Index('remedy_record_case_id_idx', ['caseId'])
@Index('remedy_record_agency_id_filed_on_idx', ['agencyId', 'filedOn'])
export class RemedyRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => DisclosureCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<DisclosureCase>;

  @Column({ type: 'uuid' })
  caseId: string;

  /** The case's agency: the one whose reply is challenged and whose report counts the record. */
  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: RemedyKind;

  /** 申请行政复议 / 提起诉讼 date. */
  @Column({ type: 'date' })
  filedOn: IsoDate;

  /** 复议机关 or 人民法院. */
  @Column({ type: 'varchar', length: 100 })
  body: string;

  /** 案号, e.g. 郯政复〔2026〕12号, （2026）鲁1322行初15号. */
  @Column({ type: 'varchar', length: 100, default: '' })
  caseReference: string;

  @Column({ type: 'varchar', length: 16 })
  result: RemedyResult;

  @Column({ type: 'date', nullable: true })
  decidedOn: IsoDate | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by' })
  recorder: Relation<User>;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
