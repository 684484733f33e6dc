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
import { User } from './user.entity.js';

export const REVOCATION_REASONS = [
  'sign_out',
  'refresh_token_reused',
  'password_changed',
  'password_reset',
  'user_deactivated',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/**
 * One sign-in: the family of its rotating refresh tokens. Access tokens name their session (`sid`),
 * and the AuthGuard refuses them as soon as the session is revoked or expired.
 */
@Entity('auth_session')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Index('auth_session_user_id_idx')
  @Column({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Absolute end of the sign-in (AUTH_SESSION_HOURS): no refresh extends it. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastRefreshedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  revokedReason: RevocationReason | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}
