import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { DisclosureCase } from '../cases/disclosure-case.entity.js';
import type { IsoDate } from '../common/clock/clock.js';
import { REMINDER_KINDS, type ReminderKind } from './reminder.rules.js';

/**
 * One reminder event of a case: (case, kind, due date) is unique, which is what makes a reminder go
 * out once however many instances look for due reminders at the same time — the one whose insert
 * wins creates the notifications, the others find the row already there.
 */
@Entity('reminder')
@Check('reminder_kind_check', `kind IN (${REMINDER_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Index('reminder_case_id_kind_due_on_key', ['caseId', 'kind', 'dueOn'], { unique: true })
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => DisclosureCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<DisclosureCase>;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ReminderKind;

  @Column({ type: 'date' })
  dueOn: IsoDate;

  /** Working days left when it was sent (negative: overdue). */
  @Column({ type: 'integer' })
  remainingWorkingDays: number;

  /** The day it was sent (business time zone). */
  @Column({ type: 'date' })
  sentOn: IsoDate;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
