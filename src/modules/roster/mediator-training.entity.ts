import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';

export const TRAINING_TOPICS = [
  'domestic_violence',
  'family_law',
  'child_protection',
  'mediation_skills',
  'psychology',
  'other',
] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

/** A training a mediator attended; one with the domestic_violence topic makes her DV-trained. */
@Entity('mediator_trainings')
export class MediatorTraining {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_mediator_trainings_mediator_id')
  @Column({ type: 'uuid' })
  mediatorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  mediator?: Relation<User>;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'date' })
  heldOn: string;

  @Column({ type: 'numeric', precision: 5, scale: 1 })
  hours: string;

  @Column({ type: 'varchar', array: true, length: 32 })
  topics: TrainingTopic[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
