import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Region } from '../regions/region.entity.js';

/** A mediation organisation (e.g. a township 婚姻家庭纠纷人民调解委员会); its name goes on documents. */
@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index('IDX_organizations_region_id')
  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  region?: Region;

  /** Mediation rooms (e.g. 百合调解室) offered as session locations. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  rooms: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
