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
import { AGENCY_TYPES, type AgencyType } from './agency-type.js';

/**
 * An administrative organ that handles its own disclosure applications (条例 Art. 27), with the
 * facts its letters print: the disclosure office's contact details, its document-number prefix and
 * its remedy profile (who reviews its acts, which court).
 */
@Entity('agency')
@Check('agency_type_check', `type IN (${AGENCY_TYPES.map((t) => `'${t}'`).join(', ')})`)
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable key for imports and seeds, e.g. `tc-zrzyj`. */
  @Index('agency_code_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  shortName: string;

  @Column({ type: 'varchar', length: 32 })
  type: AgencyType;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent: Relation<Agency> | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  /** The county government office (县政府办公室): the 政府信息公开工作主管部门 of Art. 3, which supervises. */
  @Column({ type: 'boolean', default: false })
  isSupervisor: boolean;

  // The disclosure office (政府信息公开工作机构), printed in letters.
  @Column({ type: 'varchar', length: 200, default: '' })
  officeAddress: string;

  @Column({ type: 'varchar', length: 10, default: '' })
  officePostcode: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  officePhone: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  officeHours: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  website: string;

  /** Prefix of the reply-letter number series, e.g. 郯自然资信复 → 郯自然资信复〔2026〕12号. */
  @Column({ type: 'varchar', length: 20 })
  docNumberPrefix: string;

  // Remedy profile (复议法 Art. 24, 27; 行政诉讼法 Art. 18): printed in every reply.
  @Column({ type: 'varchar', length: 100 })
  reconsiderationBodyName: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  reconsiderationBodyAddress: string;

  /**
   * True while the reconsideration body follows the rule of remedy-body.rules.ts (it is then updated
   * when the agency's type, parent or the parent's name/address change); false once an admin typed it.
   */
  @Column({ type: 'boolean', default: false })
  reconsiderationBodyDerived: boolean;

  /** A named court, or the default wording 有管辖权的人民法院. */
  @Column({ type: 'varchar', length: 100, default: '有管辖权的人民法院' })
  courtName: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
