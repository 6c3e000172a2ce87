import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * This database's own identity, one row written by the migration that creates the table: the
 * default queue prefix is derived from it, and the service claims it in Redis at start, so two
 * deployments sharing one Redis never share queues. A database restored as a copy for another
 * deployment (staging from a production dump) must be given a new id.
 */
@Entity('deployment')
@Check('CHK_deployment_one_row', `"one_row"`)
export class Deployment {
  /** Always true: the primary key allows a single row. */
  @PrimaryColumn({ type: 'boolean', default: true })
  oneRow: boolean;

  @Column({ type: 'uuid', unique: true, generated: 'uuid' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
