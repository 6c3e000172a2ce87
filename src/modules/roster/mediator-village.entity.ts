import { Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Region } from '../regions/region.entity.js';
import { User } from '../users/user.entity.js';

/** A village a mediator serves. */
@Entity('mediator_villages')
export class MediatorVillage {
  @PrimaryColumn({ type: 'uuid' })
  mediatorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  mediator?: Relation<User>;

  @Index('IDX_mediator_villages_region_id')
  @PrimaryColumn({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  region?: Relation<Region>;
}
