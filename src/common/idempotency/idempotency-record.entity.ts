import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A command sent with an `Idempotency-Key` header and the answer it got, so that a repeated request
 * (a double-clicked form, a retried network call) returns the first answer instead of acting twice.
 */
@Entity('idempotency_record')
@Index('idempotency_record_created_at_idx', ['createdAt'])
export class IdempotencyRecord {
  /** What the key applies to, e.g. `register-case`. */
  @PrimaryColumn({ type: 'varchar', length: 60 })
  scope: string;

  /** Keys are per user: another user's key never collides. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  actor: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  /** SHA-256 of the request body: the same key with another body is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
