import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Region } from '../regions/region.entity.js';

/** A court and its jurisdiction (a county subtree). */
@Entity('courts')
export class Court {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_courts_code', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  code: string;

  /** The court's 代字 in case numbers, `鲁0281` (court-designator.ts). */
  @Index('UQ_courts_designator', { unique: true })
  @Column({ type: 'varchar', length: 8 })
  designator: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index('IDX_courts_region_id')
  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  region?: Region;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
