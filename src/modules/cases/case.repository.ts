import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, RequestContext } from '../../common/context/request-context.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import type { CaseSnapshot } from '../reminders/reminder-plan.js';
import { Case } from './case.entity.js';
import { earlierRecordsSelect } from './case-family.js';
import { CaseCode } from './cases.codes.js';
import type { IntakeRecords } from './case-detail.js';
import { CaseChild } from './intake/case-child.entity.js';
import { CaseConsent } from './intake/case-consent.entity.js';
import { CaseScreening } from './intake/case-screening.entity.js';
import { Party } from './intake/party.entity.js';
import {
  loadReminderFacts,
  loadReminderMessageFacts,
  type ReminderMessageFacts,
} from './reminder-facts.js';
import { CaseTracking } from './after-closure/case-tracking.entity.js';
import { CaseOutcome } from './outcome/case-outcome.entity.js';
import { Court } from '../courts/court.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Region } from '../regions/region.entity.js';
import { MediatorProfile } from '../roster/mediator-profile.entity.js';
import { User } from '../users/user.entity.js';

export const notYourAssignment = (): DomainError =>
  new DomainError(CaseCode.NotAssignedToYou, 'conflict');

export const versionConflict = (current: number): DomainError =>
  new DomainError(CaseCode.VersionConflict, 'conflict', { current });

/**
 * Thrown inside a write's transaction when the case is out of the caller's scope: the writer
 * rolls back first and then records the refused access (its own transaction, never while the
 * case row is locked).
 */
export class CaseNotVisible extends Error {
  constructor(readonly caseId: string) {
    super('case not visible');
  }
}

/** What a printed document says about its case, read in one go (documents/document-snapshot.ts). */
export interface DocumentFacts {
  parties: Party[];
  children: CaseChild[];
  court: Court | null;
  village: Region | null;
  township: Region | null;
  tracking: CaseTracking | null;
  outcome: CaseOutcome | null;
  mediator: User | null;
  profile: MediatorProfile | null;
  organization: Organization | null;
  clerk: User | null;
  /** Who made the follow-up visit a document is about. */
  visitor: User | null;
}

/**
 * The cases table's named queries: every read of a case row by id goes through here, with the
 * scope rule applied in the same statement's result (out of scope is an audited 404, as for an
 * id that does not exist). Other modules ask this repository for the facts they need about a
 * case (reminder planning, documents) instead of reading the cases schema themselves.
 */
@Injectable()
export class CaseRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
  ) {}

  /** The case if the caller may see it (one statement); otherwise an audited 404. */
  async findVisible(actor: Actor, id: string): Promise<Case> {
    const found = await this.read(this.dataSource.manager, id, false);
    const visible = found !== null && this.visibleTo(actor, found);
    await this.scope.assertVisible(actor, visible, { type: 'case', id });
    return (found as { row: Case }).row;
  }

  /**
   * The case if the caller may see it, with how many cases of the same people she may see were
   * received before it (`case-family.ts`), in the same statement; otherwise an audited 404.
   */
  async findVisibleWithFamily(
    actor: Actor,
    id: string,
  ): Promise<{ row: Case; earlierRecords: number }> {
    const found = await this.read(
      this.dataSource.manager,
      id,
      false,
      earlierRecordsSelect(this.scope, actor.user),
    );
    const visible = found !== null && this.visibleTo(actor, found);
    await this.scope.assertVisible(actor, visible, { type: 'case', id });
    const { row, extra } = found as { row: Case; extra: number | null };
    return { row, earlierRecords: extra ?? 0 };
  }

  /**
   * Inside a write's transaction: the case row locked (`FOR UPDATE`), in the caller's scope
   * (else CaseNotVisible; `actor.user` null is the system, which needs none), at the version the
   * write is based on (else 409 with the current one), and, for a mediator, her current
   * assignment (she still sees the cases she was once assigned, but acts only on hers).
   */
  async lockVisible(
    manager: EntityManager,
    actor: RequestContext,
    id: string,
    version: number,
  ): Promise<Case> {
    const found = await this.read(manager, id, true);
    if (actor.user && (found === null || !this.visibleTo(actor as Actor, found))) {
      throw new CaseNotVisible(id);
    }
    if (!found) throw this.scope.notFoundError('case');
    const { row } = found;
    if (row.version !== version) throw versionConflict(row.version);
    if (actor.user?.role === 'mediator' && row.mediatorId !== actor.user.id) {
      throw notYourAssignment();
    }
    return row;
  }

  /** The case row locked, with no checks: for writes that are not the case's own (a party's SMS). */
  lock(manager: EntityManager, id: string): Promise<Case | null> {
    return manager.findOne(Case, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** What the reminder planner needs: by id, or around the row a transaction holds (after its change). */
  reminderFacts(manager: EntityManager, c: string | Case): Promise<CaseSnapshot | null> {
    return loadReminderFacts(manager, c);
  }

  /** What a reminder's text says about the case, its session and its recipient, when it fires. */
  reminderMessageFacts(
    manager: EntityManager,
    caseId: string,
    about: { sessionId: string | null; partyId: string | null; userId: string | null },
  ): Promise<ReminderMessageFacts | null> {
    return loadReminderMessageFacts(manager, caseId, about);
  }

  /** A party with her case (one statement), for the routes that name a party by id. */
  async partyWithCase(partyId: string): Promise<{ party: Party; owner: Case } | null> {
    const party = await this.dataSource
      .getRepository(Party)
      .findOne({ where: { id: partyId }, relations: { case: true } });
    if (!party?.case) return null;
    const { case: owner, ...rest } = party;
    return { party: Object.assign(new Party(), rest), owner };
  }

  /** What intake recorded: parties (applicants first), children, consents, screenings. */
  async intakeRecords(id: string): Promise<IntakeRecords> {
    const [parties, children, consents, screenings] = await Promise.all([
      this.partiesOf(id),
      this.childrenOf(id),
      this.dataSource.getRepository(CaseConsent).findBy({ caseId: id }),
      this.dataSource.getRepository(CaseScreening).findBy({ caseId: id }),
    ]);
    return { parties, children, consents, screenings };
  }

  /** The latest outcome that was not returned for correction. */
  async currentOutcome(caseId: string): Promise<CaseOutcome | null> {
    const [latest] = await this.dataSource
      .getRepository(CaseOutcome)
      .find({ where: { caseId }, order: { submittedAt: 'DESC' }, take: 1 });
    return latest && latest.reviewDecision !== 'returned' ? latest : null;
  }

  /** Everything a document prints about the case, its people and places. */
  async documentFacts(c: Case, visitorId: string | null): Promise<DocumentFacts> {
    const ds = this.dataSource;
    const user = (id: string | null) => (id ? ds.getRepository(User).findOneBy({ id }) : null);
    const [
      parties,
      children,
      court,
      village,
      tracking,
      outcome,
      mediator,
      profile,
      clerk,
      visitor,
    ] = await Promise.all([
      this.partiesOf(c.id),
      this.childrenOf(c.id),
      ds.getRepository(Court).findOneBy({ id: c.courtId }),
      ds.getRepository(Region).findOneBy({ id: c.regionId }),
      ds.getRepository(CaseTracking).findOneBy({ caseId: c.id }),
      this.currentOutcome(c.id),
      user(c.mediatorId),
      c.mediatorId ? ds.getRepository(MediatorProfile).findOneBy({ userId: c.mediatorId }) : null,
      user(c.createdBy),
      user(visitorId),
    ]);
    const orgId = profile?.organizationId ?? mediator?.organizationId ?? null;
    const [organization, township] = await Promise.all([
      orgId ? ds.getRepository(Organization).findOneBy({ id: orgId }) : null,
      village?.parentId ? ds.getRepository(Region).findOneBy({ id: village.parentId }) : null,
    ]);
    return {
      parties,
      children,
      court,
      village,
      township,
      tracking,
      outcome,
      mediator,
      profile,
      organization,
      clerk,
      visitor,
    };
  }

  private partiesOf(caseId: string): Promise<Party[]> {
    return this.dataSource
      .getRepository(Party)
      .find({ where: { caseId }, order: { role: 'ASC', createdAt: 'ASC' } });
  }

  private childrenOf(caseId: string): Promise<CaseChild[]> {
    return this.dataSource
      .getRepository(CaseChild)
      .find({ where: { caseId }, order: { birthDate: 'ASC' } });
  }

  private visibleTo(actor: Actor, found: { row: Case; mediatorIds: string[] }): boolean {
    return this.scope.canSeeCase(actor.user, {
      courtId: found.row.courtId,
      regionPath: found.row.regionPath,
      mediatorIds: found.mediatorIds,
    });
  }

  private async read(
    manager: EntityManager,
    id: string,
    forUpdate: boolean,
    extra?: { sql: string; params: Record<string, unknown> },
  ): Promise<{ row: Case; mediatorIds: string[]; extra: number | null } | null> {
    // With the mediators ever assigned to it: a mediator sees those cases.
    const qb = manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .addSelect(
        'ARRAY(SELECT DISTINCT a.mediator_id::text FROM case_assignments a WHERE a.case_id = c.id)',
        'mediator_ids',
      )
      .where('c.id = :id', { id });
    if (extra) qb.addSelect(extra.sql, 'extra').setParameters(extra.params);
    if (forUpdate) qb.setLock('pessimistic_write', undefined, ['c']);
    const { entities, raw } = await qb.getRawAndEntities<{
      mediator_ids: string[];
      extra?: number;
    }>();
    return entities[0]
      ? { row: entities[0], mediatorIds: raw[0].mediator_ids, extra: raw[0].extra ?? null }
      : null;
  }
}
