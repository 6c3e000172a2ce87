import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

export const REGION_LEVELS = ['city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/**
 * A node of the region tree (市 → 县/区 → 镇/街道 → 村/社区). `path` is the materialised path of
 * codes from the root, so a subtree is `path LIKE '<root path>%'`; the C collation lets the
 * b-tree index serve that prefix search.
 */
@Entity('regions')
@Check('CHK_regions_level', `"level" IN ('city', 'county', 'township', 'village')`)
export class Region {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_regions_code', { unique: true })
  @Column({ type: 'char', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: RegionLevel;

  @Index('IDX_regions_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT', nullable: true })
  parent?: Region | null;

  @Index('IDX_regions_path')
  @Column({ type: 'varchar', length: 255, collation: 'C' })
  path: string;

  @Column({ type: 'smallint' })
  depth: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
