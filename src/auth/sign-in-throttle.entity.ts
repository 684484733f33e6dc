import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per account (`account:<username>`) and per client address (`address:<ip>`), shared
 * by every app instance through the database. Rules in sign-in-throttle.rules.ts.
 */
@Entity('auth_sign_in_throttle')
export class SignInThrottle {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  key: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
