import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Court } from '../courts/court.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import type { Role } from '../../common/auth/roles.js';
import { Region } from '../regions/region.entity.js';

@Entity('users')
// Renamed when `sentinel` joined the roles: TypeORM tells a changed check only by its name.
@Check(
  'CHK_users_role_with_sentinel',
  `"role" IN ('admin', 'clerk', 'mediator', 'supervisor', 'sentinel')`,
)
@Check('CHK_users_clerk_court', `"role" <> 'clerk' OR "court_id" IS NOT NULL`)
@Check(
  'CHK_users_region_placed',
  `"role" NOT IN ('mediator', 'supervisor', 'sentinel') OR "region_id" IS NOT NULL`,
)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; login is case-insensitive. */
  @Index('UQ_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Index('IDX_users_court_id')
  @Column({ type: 'uuid', nullable: true })
  courtId: string | null;

  @ManyToOne(() => Court, { onDelete: 'RESTRICT', nullable: true })
  court?: Court | null;

  /** A mediator's village or a supervisor's scope (township, county, city). */
  @Index('IDX_users_region_id')
  @Column({ type: 'uuid', nullable: true })
  regionId: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT', nullable: true })
  region?: Region | null;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: true })
  organization?: Organization | null;

  /** AES-256-GCM ciphertext (FieldCipher); never returned unmasked. */
  @Column({ type: 'text', nullable: true })
  phoneEncrypted: string | null;

  /** HMAC blind index of the phone, for exact lookups. */
  @Index('IDX_users_phone_index')
  @Column({ type: 'char', length: 64, nullable: true })
  phoneIndex: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
