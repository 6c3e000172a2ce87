import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser, Actor } from '../../common/context/request-context.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { validationFailed, fieldError } from '../../common/errors/domain-error.js';
import { Page, pageOf } from '../../common/pagination/page.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { OrganizationCode } from '../organizations/organizations.codes.js';
import { Region } from '../regions/region.entity.js';
import {
  ConflictDto,
  ListMediatorsQuery,
  MediatorView,
  TrainingDto,
  UpdateMediatorDto,
} from './dto/roster.dto.js';
import { MediatorConflict } from './mediator-conflict.entity.js';
import { MediatorProfile } from './mediator-profile.entity.js';
import { MediatorTraining } from './mediator-training.entity.js';
import { MediatorVillage } from './mediator-village.entity.js';
import { RosterCode } from './roster.codes.js';

/** The open statuses that count against a mediator's maximum of active cases. */
export const ACTIVE_CASE_STATUSES = `('assigned', 'in_mediation', 'pending_review')`;

interface RosterRow {
  id: string;
  display_name: string;
  home_path: string | null;
  title: string | null;
  organization_id: string | null;
  specialities: string[] | null;
  active: boolean | null;
  max_active_cases: number | null;
  charges: boolean | null;
  village_ids: string[];
  township_ids: string[];
  village_paths: string[];
  active_cases: string;
  dv_trained: boolean;
}

/** Roster facts per mediator: her villages (served, else her home village) and their townships. */
const ROSTER_SQL = `
  SELECT u.id, u.display_name, hr.path AS home_path, p.title, COALESCE(p.organization_id, u.organization_id) AS organization_id,
         p.specialities, p.active, p.max_active_cases, p.charges,
         COALESCE(array_agg(DISTINCT v.id) FILTER (WHERE v.id IS NOT NULL), '{}') AS village_ids,
         COALESCE(array_agg(DISTINCT v.parent_id) FILTER (WHERE v.parent_id IS NOT NULL), '{}') AS township_ids,
         COALESCE(array_agg(DISTINCT v.path) FILTER (WHERE v.path IS NOT NULL), '{}') AS village_paths,
         (SELECT count(*) FROM cases c WHERE c.mediator_id = u.id AND c.status IN ${ACTIVE_CASE_STATUSES}) AS active_cases,
         EXISTS (SELECT 1 FROM mediator_trainings t WHERE t.mediator_id = u.id AND 'domestic_violence' = ANY (t.topics)) AS dv_trained
    FROM users u
    LEFT JOIN regions hr ON hr.id = u.region_id
    LEFT JOIN mediator_profiles p ON p.user_id = u.id
    LEFT JOIN LATERAL (
      SELECT r.id, r.parent_id, r.path FROM mediator_villages mv JOIN regions r ON r.id = mv.region_id WHERE mv.mediator_id = u.id
      UNION SELECT hr.id, hr.parent_id, hr.path WHERE hr.id IS NOT NULL
    ) v ON TRUE
   WHERE u.role = 'mediator' AND u.active`;

export interface MediatorFacts extends MediatorView {
  townshipIds: string[];
  villagePaths: string[];
}

@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  /** Roster facts of the given mediators (all when `ids` is undefined). */
  async facts(ids?: string[]): Promise<MediatorFacts[]> {
    const rows: RosterRow[] = await this.dataSource.query(
      `${ROSTER_SQL} ${ids ? 'AND u.id = ANY($1)' : ''} GROUP BY u.id, hr.path, p.user_id ORDER BY u.display_name, u.id`,
      ids ? [ids] : [],
    );
    const trainings = await this.dataSource.getRepository(MediatorTraining).find({
      where: rows.map((r) => ({ mediatorId: r.id })),
      order: { heldOn: 'DESC' },
    });
    const conflicts = rows.length
      ? await this.dataSource.getRepository(MediatorConflict).find({
          where: rows.map((r) => ({ mediatorId: r.id })),
          order: { createdAt: 'DESC' },
        })
      : [];
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      title: r.title ?? '人民调解员',
      organizationId: r.organization_id,
      villageIds: r.village_ids,
      townshipIds: r.township_ids,
      villagePaths: r.village_paths,
      specialities: r.specialities ?? [],
      active: r.active ?? true,
      maxActiveCases: r.max_active_cases ?? 5,
      activeCases: Number(r.active_cases),
      charges: r.charges ?? false,
      dvTrained: r.dv_trained,
      trainings: trainings
        .filter((t) => t.mediatorId === r.id)
        .map((t) => ({
          title: t.title,
          heldOn: t.heldOn,
          hours: Number(t.hours),
          topics: t.topics,
        })),
      conflicts: conflicts
        .filter((c) => c.mediatorId === r.id)
        .map((c) => ({
          reason: c.reason,
          partyName: c.partyName,
          caseId: c.caseId,
          note: c.note,
          byIdNumber: c.partyIdIndex !== null,
          declaredAt: c.createdAt.toISOString(),
        })),
    }));
  }

  /** The roster a user may see: mediators serving a village in her region (admins: all). */
  async list(user: AuthUser, query: ListMediatorsQuery): Promise<Page<MediatorView>> {
    let all = (await this.facts()).filter((m) => this.visible(user, m));
    if (query.regionId) {
      const root = await this.dataSource.getRepository(Region).findOneBy({ id: query.regionId });
      all = all.filter((m) => root !== null && m.villagePaths.some((p) => p.startsWith(root.path)));
    }
    if (query.speciality)
      all = all.filter((m) => m.specialities.includes(query.speciality as string));
    if (query.available !== undefined) {
      all = all.filter((m) => (m.active && m.activeCases < m.maxActiveCases) === query.available);
    }
    if (query.dvTrained !== undefined) all = all.filter((m) => m.dvTrained === query.dvTrained);
    return pageOf(
      all.slice(query.offset, query.offset + query.pageSize).map(viewOf),
      all.length,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<MediatorView> {
    const [found] = await this.facts([id]);
    await this.scope.assertVisible(actor, found !== undefined && this.visible(actor.user, found), {
      type: 'mediator',
      id,
    });
    return viewOf(found);
  }

  async update(actor: Actor, id: string, dto: UpdateMediatorDto): Promise<MediatorView> {
    const before = await this.get(actor, id);
    await this.dataSource.transaction(async (manager) => {
      if (dto.organizationId) {
        const org = await manager.findOne(Organization, {
          where: { id: dto.organizationId },
          relations: { region: true },
        });
        // Another county's organisation reads as one that does not exist.
        if (!org || !this.scope.isRelatedPath(actor.user, org.region?.path))
          throw validationFailed([
            fieldError('organizationId', OrganizationCode.NoSuchOrganization),
          ]);
      }
      if (dto.villageIds) {
        const villages = dto.villageIds.length
          ? await manager.findBy(
              Region,
              dto.villageIds.map((v) => ({ id: v })),
            )
          : [];
        const bad = dto.villageIds.filter(
          (v) =>
            !villages.some(
              (r) =>
                r.id === v && r.level === 'village' && this.scope.canSeePath(actor.user, r.path),
            ),
        );
        if (bad.length > 0)
          throw validationFailed([
            fieldError('villageIds', RosterCode.VillagesOutsideRegion, { ids: bad }),
          ]);
        await manager.delete(MediatorVillage, { mediatorId: id });
        if (villages.length)
          await manager.insert(
            MediatorVillage,
            villages.map((r) => ({ mediatorId: id, regionId: r.id })),
          );
      }
      const { villageIds: _v, ...profile } = dto;
      await manager.upsert(MediatorProfile, { userId: id, ...profile }, ['userId']);
      await this.audit.record(manager, actor, {
        action: 'mediator.updated',
        entityType: 'mediator',
        entityId: id,
        before: { ...before, trainings: undefined },
        after: { ...dto },
      });
    });
    return this.get(actor, id);
  }

  async addTraining(actor: Actor, id: string, dto: TrainingDto): Promise<MediatorView> {
    await this.get(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(MediatorTraining, {
        mediatorId: id,
        title: dto.title,
        heldOn: dto.heldOn,
        hours: String(dto.hours),
        topics: dto.topics,
      });
      await this.audit.record(manager, actor, {
        action: 'mediator.training_added',
        entityType: 'mediator',
        entityId: id,
        after: { ...dto },
      });
    });
    return this.get(actor, id);
  }

  /** A mediator declares her own conflicts; a supervisor may record one for her. */
  async declareConflict(actor: Actor, id: string, dto: ConflictDto): Promise<void> {
    if (actor.user.role === 'mediator' && actor.user.id !== id)
      throw this.scope.notFoundError('mediator');
    if (actor.user.role !== 'mediator') await this.get(actor, id);
    if (!dto.caseId && !dto.partyIdNumber) {
      throw validationFailed([fieldError('caseId', RosterCode.ConflictSubjectRequired)]);
    }
    if (dto.caseId) await this.assertCaseVisible(actor, dto.caseId);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(MediatorConflict, {
        mediatorId: id,
        caseId: dto.caseId ?? null,
        partyIdIndex: dto.partyIdNumber ? this.cipher.blindIndex('id', dto.partyIdNumber) : null,
        partyName: dto.partyName ?? null,
        reason: dto.reason,
        note: dto.note ?? null,
        declaredBy: actor.user.id,
      });
      await this.audit.record(manager, actor, {
        action: 'mediator.conflict_declared',
        entityType: 'mediator',
        entityId: id,
        caseId: dto.caseId ?? null,
        after: {
          reason: dto.reason,
          caseId: dto.caseId ?? null,
          byPerson: Boolean(dto.partyIdNumber),
        },
      });
    });
  }

  /**
   * The case a conflict names must be one the caller may see (CaseRepository.findVisible's rule; the
   * cases module depends on this one, so the facts are read here): otherwise an audited 404, the
   * same for a case that does not exist.
   */
  private async assertCaseVisible(actor: Actor, caseId: string): Promise<void> {
    const [found]: { court_id: string; region_path: string; mediator_ids: string[] }[] =
      await this.dataSource.query(
        `SELECT c.court_id, c.region_path,
                ARRAY(SELECT DISTINCT a.mediator_id::text FROM case_assignments a WHERE a.case_id = c.id) AS mediator_ids
           FROM cases c WHERE c.id = $1`,
        [caseId],
      );
    const visible =
      found !== undefined &&
      this.scope.canSeeCase(actor.user, {
        courtId: found.court_id,
        regionPath: found.region_path,
        mediatorIds: found.mediator_ids,
      });
    await this.scope.assertVisible(actor, visible, { type: 'case', id: caseId });
  }

  private visible(user: AuthUser, m: MediatorFacts): boolean {
    if (user.role === 'mediator') return user.id === m.id;
    return m.villagePaths.some((p) => this.scope.canSeePath(user, p));
  }
}

function viewOf(m: MediatorFacts): MediatorView {
  const { townshipIds: _t, villagePaths: _p, ...view } = m;
  return view;
}
