import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One security or administrative event. Append-only: a database trigger refuses UPDATE, DELETE and
 * TRUNCATE, and each row's hash covers the previous row's hash (audit-chain.rules.ts), so an edit by
 * someone who bypasses the trigger is still detected by GET /api/v1/audit/verification.
 * No foreign keys: the log must outlive what it talks about.
 */
@Entity('audit_event')
@Index('audit_event_subject_idx', ['subjectType', 'subjectId'])
export class AuditEvent {
  /** Storage order; the chain follows it. A bigint, so TypeORM returns it as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('audit_event_occurred_at_idx')
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Index('audit_event_actor_user_id_idx')
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** As typed at sign-in for failures of unknown users; the account's username otherwise. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  actorUsername: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  subjectType: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  subjectId: string | null;

  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Index('audit_event_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  hash: string;
}
