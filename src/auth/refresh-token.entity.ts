import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { AuthSession } from './auth-session.entity.js';

/**
 * A refresh token, stored only as its SHA-256 (a database leak yields no usable token). Each is used
 * once: refreshing marks it used and issues its successor in the same session. Presenting a used one
 * again means it was copied — the whole session is revoked (reuse detection).
 */
@Entity('auth_refresh_token')
export class RefreshToken {
  /** Hex SHA-256 of the token; looked up by equality, so no secret-dependent comparison in JS. */
  @PrimaryColumn({ type: 'char', length: 64 })
  tokenHash: string;

  @ManyToOne(() => AuthSession, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Relation<AuthSession>;

  @Index('auth_refresh_token_session_id_idx')
  @Column({ type: 'uuid' })
  sessionId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
