import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../auth/user.entity.js';
import { DisclosureCase } from '../cases/disclosure-case.entity.js';
import type { IsoDate } from '../common/clock/dates.js';
import type { LetterOptions } from './case-letter.rules.js';
import { DOCUMENT_SERIES, LETTER_TYPE_CODES, type DocumentSeries } from './letter-types.js';
import type { LetterType } from './letter-view-models.js';
import type { PreIssueFinding } from './pre-issue.rules.js';

const inList = (column: string, values: readonly string[]) =>
  `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

/**
 * A letter as issued: the legal act itself (the reply) or a procedural notice, with the HTML it was
 * rendered from, the PDF that was printed and its SHA-256, and the view model it printed. Issued
 * letters are immutable — a database trigger refuses UPDATE, DELETE and TRUNCATE — so a correction
 * is a new letter that supersedes the old one (`supersedesId`), with its own 文号 and reason.
 */
@Entity('issued_letter')
@Check('issued_letter_letter_type_check', inList('letter_type', LETTER_TYPE_CODES))
@Check('issued_letter_series_check', `series IS NULL OR ${inList('series', DOCUMENT_SERIES)}`)
// A numbered series has its 文号 (GB/T 9704 7.2.5); the receipt slip has none.
@Check(
  'issued_letter_number_check',
  '(series IS NULL AND year IS NULL AND sequence IS NULL AND document_number IS NULL) OR ' +
    '(series IS NOT NULL AND year IS NOT NULL AND sequence > 0 AND document_number IS NOT NULL)',
)
// The stored digest is the digest of the stored bytes.
@Check('issued_letter_pdf_sha256_check', `pdf_sha256 = encode(sha256(pdf), 'hex')`)
@Check('issued_letter_correction_check', `(supersedes_id IS NULL) = (correction_reason = '')`)
@Index('issued_letter_case_id_issued_at_idx', ['caseId', 'issuedAt'])
@Index('issued_letter_agency_id_document_number_key', ['agencyId', 'documentNumber'], { unique: true })
// A letter is corrected at most once (a correction is corrected in its turn).
@Index('issued_letter_supersedes_id_key', ['supersedesId'], { unique: true })
// One original letter per document of the case; more only as corrections.
@Index('issued_letter_original_key', ['caseId', 'letterType', 'subject'], {
  unique: true,
  where: 'supersedes_id IS NULL',
})
export class IssuedLetter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => DisclosureCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<DisclosureCase>;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency: Relation<Agency>;

  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'varchar', length: 40 })
  letterType: LetterType;

  /** What the letter documents: `case`, `event:<seq>` (a step of the case) or `consultation:<id>`. */
  @Column({ type: 'varchar', length: 60 })
  subject: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  series: DocumentSeries | null;

  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Column({ type: 'integer', nullable: true })
  sequence: number | null;

  /** 发文字号 as printed: 郯自然资信复〔2026〕12号. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  documentNumber: string | null;

  /** 成文日期. */
  @Column({ type: 'date' })
  letterDate: IsoDate;

  /** What the issuer chose (the consultation, a deadline): a correction is built with the same. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  options: LetterOptions;

  /** The data the template printed (src/letters/letter-view-models.ts). */
  @Column({ type: 'jsonb' })
  viewModel: Record<string, unknown>;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'bytea' })
  pdf: Buffer;

  @Column({ type: 'char', length: 64 })
  pdfSha256: string;

  /** The pre-issue check's warnings when it was issued (errors never let a letter through). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: PreIssueFinding[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by' })
  issuer: Relation<User>;

  @Column({ type: 'uuid' })
  issuedBy: string;

  @Column({ type: 'varchar', length: 40 })
  issuedByName: string;

  @ManyToOne(() => IssuedLetter, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes: Relation<IssuedLetter> | null;

  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  /** Why the letter it supersedes was corrected (required for a correction). */
  @Column({ type: 'text', default: '' })
  correctionReason: string;
}
