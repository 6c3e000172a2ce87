import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';

export const SPECIALITIES = [
  'divorce',
  'custody',
  'child_support',
  'visitation',
  'property',
  'elder_support',
  'other',
] as const;
export type Speciality = (typeof SPECIALITIES)[number];

/** A mediator's roster entry (名册). One per mediator user; created on first edit. */
@Entity('mediator_profiles')
@Check('CHK_mediator_profiles_max_active', `"max_active_cases" > 0`)
export class MediatorProfile {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: Relation<User>;

  /** 村妇代会主任, 特邀调解员, 人民调解员, 律师 … */
  @Column({ type: 'varchar', length: 50, default: '人民调解员' })
  title: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: true })
  organization?: Relation<Organization> | null;

  /** Dispute types she handles best; each one of SPECIALITIES (checked by the service). */
  @Column({ type: 'varchar', array: true, length: 16, default: () => `'{}'` })
  specialities: Speciality[];

  /** Paused mediators are never suggested nor assigned. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 5 })
  maxActiveCases: number;

  /** Normally mediation is free of charge. */
  @Column({ type: 'boolean', default: false })
  charges: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
