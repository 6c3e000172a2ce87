import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Region } from '../regions/region.entity.js';

/**
 * What an organisation is: a mediation organisation (调解组织, the default) or one of the sentinel
 * points (哨点) that find family disputes early: a women's micro-home (妇女微家), a federation
 * executive's studio (执委工作室), a personal mediation room (个人调解室, e.g. 秀丽个人调解室).
 */
export const ORGANIZATION_KINDS = [
  'mediation_org',
  'women_micro_home',
  'executive_studio',
  'personal_room',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
/** The kinds whose people are sentinel reporters. */
export const SENTINEL_KINDS: readonly OrganizationKind[] = [
  'women_micro_home',
  'executive_studio',
  'personal_room',
];

/** A mediation organisation (e.g. a township 婚姻家庭纠纷人民调解委员会); its name goes on documents. */
@Entity('organizations')
@Check(
  'CHK_organizations_kind',
  `"kind" IN ('mediation_org', 'women_micro_home', 'executive_studio', 'personal_room')`,
)
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 24, default: 'mediation_org' })
  kind: OrganizationKind;

  /** The person in charge of a sentinel point (e.g. the executive of her studio). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  responsiblePerson: string | null;

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

/** A village an organisation watches (a sentinel point's 村): inside the organisation's region. */
@Entity('organization_watched_villages')
export class OrganizationWatchedVillage {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @Index('IDX_organization_watched_villages_region_id')
  @PrimaryColumn({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  region?: Region;
}
