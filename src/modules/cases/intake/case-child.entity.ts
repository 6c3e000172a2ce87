import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Case } from '../case.entity.js';

export const CHILD_RESIDENCES = [
  'with_applicant',
  'with_respondent',
  'with_both',
  'with_relatives',
  'other',
] as const;
export type ChildResidence = (typeof CHILD_RESIDENCES)[number];

/** A child of the parties. Shown in a case's detail only, never in lists. */
@Entity('case_children')
@Check('CHK_case_children_gender', `"gender" IN ('female', 'male')`)
@Check(
  'CHK_case_children_residence',
  `"residence" IN ('with_applicant', 'with_respondent', 'with_both', 'with_relatives', 'other')`,
)
export class CaseChild {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_case_children_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, (c) => c.children, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  gender: 'female' | 'male';

  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'varchar', length: 16 })
  residence: ChildResidence;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
