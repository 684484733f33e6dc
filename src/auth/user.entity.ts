import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { ROLES, type Role } from './role.js';

const ROLE_LIST = ROLES.map((r) => `'${r}'`).join(', ');

/**
 * A person who signs in. Belongs to one agency; only a pure installation admin (roles = {admin}) may
 * belong to none. Users are deactivated, never deleted: events and letters name them.
 */
@Entity('app_user')
@Check('app_user_roles_check', `cardinality(roles) > 0 AND roles <@ ARRAY[${ROLE_LIST}]::varchar[]`)
@Check('app_user_agency_check', `agency_id IS NOT NULL OR roles = ARRAY['admin']::varchar[]`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-case ASCII, unique (normalised by the service before it is stored or looked up). */
  @Index('app_user_username_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  username: string;

  @Column({ type: 'varchar', length: 40 })
  displayName: string;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency: Relation<Agency> | null;

  @Index('app_user_agency_id_idx')
  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ type: 'varchar', length: 20, array: true })
  roles: Role[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** argon2id PHC string. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  /** Set for a password an admin or the CLI chose: the user must replace it before doing anything else. */
  @Column({ type: 'boolean', default: true })
  mustChangePassword: boolean;

  @Column({ type: 'timestamptz' })
  passwordChangedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  lastSignInIp: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
