import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets generated on first start outside production (the JWT signing key when AUTH_JWT_SECRET is not
 * set), kept in the database so that every instance on it signs and verifies with the same key.
 * Production requires AUTH_JWT_SECRET instead.
 */
@Entity('app_secret')
export class AppSecret {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
