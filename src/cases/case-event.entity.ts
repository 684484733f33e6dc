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
import { User } from '../auth/user.entity.js';
import type { CaseStatus } from './case-status.js';
import { DisclosureCase } from './disclosure-case.entity.js';

/**
 * The append-only record of a case (who, in which role, when, what, before/after, why), written in
 * the same transaction as the change. A database trigger refuses UPDATE and DELETE. The case's
 * status and clock are what these events say.
 */
@Entity('case_event')
@Index('case_event_case_id_seq_key', ['caseId', 'seq'], { unique: true })
export class CaseEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @ManyToOne(() => DisclosureCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<DisclosureCase>;

  @Column({ type: 'uuid' })
  caseId: string;

  /** 1, 2, 3… within the case. */
  @Column({ type: 'integer' })
  seq: number;

  /** `register` or a workflow action (case.workflow.ts), or `recompute` after a calendar change. */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  fromStatus: CaseStatus | null;

  @Column({ type: 'varchar', length: 24 })
  toStatus: CaseStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 60 })
  actorName: string;

  /** The role the actor acted in (clerk, handler, approver) or `system`. */
  @Column({ type: 'varchar', length: 16 })
  actorRole: string;

  /** The event's facts (dates, parties, amounts…): what the clock and the letters read. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  /** Changed case fields: { field: [before, after] }. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, [unknown, unknown]>;

  @Column({ type: 'text', default: '' })
  reason: string;
}
