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
import { User } from '../auth/user.entity.js';

export const NOTIFICATION_KINDS = ['reminder', 'digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * `none`: no e-mail (SMTP not configured, or the user gave no address); `pending` → `sending` (claimed
 * by one instance) → `sent` or, after three failures or a crash while sending, `failed`. A claimed
 * message is never claimed again: at most one e-mail per notification.
 */
export const EMAIL_STATUSES = ['none', 'pending', 'sending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

const inList = (column: string, values: readonly string[]) =>
  `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

/** A message to one user, shown in the app and, when configured, sent by e-mail. */
@Entity('notification')
@Check('notification_kind_check', inList('kind', NOTIFICATION_KINDS))
@Check('notification_email_status_check', inList('email_status', EMAIL_STATUSES))
@Index('notification_recipient_id_event_key_key', ['recipientId', 'eventKey'], { unique: true })
@Index('notification_recipient_id_created_at_idx', ['recipientId', 'createdAt'])
@Index('notification_email_pending_idx', ['createdAt'], { where: `email_status = 'pending'` })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient: Relation<User>;

  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: NotificationKind;

  /** What the message is about, unique per recipient: `reminder:<case>:<kind>:<due>`, `digest:<agency>:<day>`. */
  @Column({ type: 'varchar', length: 160 })
  eventKey: string;

  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ type: 'varchar', length: 10, default: 'none' })
  emailStatus: EmailStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  emailTo: string | null;

  @Column({ type: 'integer', default: 0 })
  emailAttempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  emailClaimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  emailSentAt: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  emailError: string | null;
}
