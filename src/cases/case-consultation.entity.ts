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
import type { IsoDate } from '../common/clock/dates.js';
import { DisclosureCase } from './disclosure-case.entity.js';

/**
 * A consultation of a third party (Art. 32) or another agency (Art. 34, 11). Projection of the
 * case's consultation events, for lists and for the job that ends lapsed periods.
 */
@Entity('case_consultation')
@Check('case_consultation_kind_check', `kind IN ('third_party', 'agency')`)
@Index('case_consultation_case_id_idx', ['caseId'])
export class CaseConsultation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => DisclosureCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<DisclosureCase>;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'third_party' | 'agency';

  @Column({ type: 'varchar', length: 100 })
  partyName: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  partyContact: string;

  /** What the party is asked about (printed in the 征求意见书). */
  @Column({ type: 'text', default: '' })
  matter: string;

  /** The day the 征求意见书 was sent: the clock pauses after it. */
  @Column({ type: 'date' })
  dispatchedOn: IsoDate;

  /** The day the party received it: its 15 working days run from here. */
  @Column({ type: 'date', nullable: true })
  partyReceivedOn: IsoDate | null;

  @Column({ type: 'date', nullable: true })
  periodEndsOn: IsoDate | null;

  @Column({ type: 'date', nullable: true })
  repliedOn: IsoDate | null;

  /**
   * consent / objection (with or without reasonable grounds) / silence. Silence of a third party
   * leaves the decision to the agency (Art. 32); silence of another agency is consent (Art. 34).
   */
  @Column({ type: 'varchar', length: 24, nullable: true })
  result: 'consent' | 'objection' | 'no_reply' | 'deemed_consent' | null;

  @Column({ type: 'text', default: '' })
  replySummary: string;
}
