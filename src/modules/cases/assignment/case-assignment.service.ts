import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Actor } from '../../../common/context/request-context.js';
import { translate } from '../../../common/i18n/translator.js';
import { DomainError } from '../../../common/errors/domain-error.js';
import { Env } from '../../../config/env.js';
import { Region } from '../../regions/region.entity.js';
import { RosterService } from '../../roster/roster.service.js';
import { ineligibility, rankMediators, type CaseFacts } from '../../roster/mediator-ranking.js';
import { Case } from '../case.entity.js';
import type { CaseAction } from '../case-status.js';
import { AssignmentCode } from './assignment.codes.js';
import { CaseAssignment, type AssignmentEnding } from './case-assignment.entity.js';
import { deadline } from '../clock/case-clock.js';
import { type VersionedWrite, CaseWriter } from '../case-writer.js';
import { CaseRepository } from '../case.repository.js';
import { AssignDto, SuggestionView } from './dto/assignment.dto.js';
import { ReasonDto } from '../dto/case-writes.dto.js';

/** Closes the open assignment of a case (declined, recused, reassigned, closed). */
export async function endAssignment(
  manager: EntityManager,
  caseId: string,
  at: Date,
  reason: AssignmentEnding,
  note?: string,
): Promise<void> {
  await manager.update(
    CaseAssignment,
    { caseId, endedAt: IsNull() },
    { endedAt: at, endReason: reason, note: note ?? null },
  );
}

/** Suggestions, assignment and the mediator's answer (accept starts the legal clock). */
@Injectable()
export class CaseAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: CaseWriter,
    private readonly cases: CaseRepository,
    private readonly roster: RosterService,
    private readonly env: Env,
  ) {}

  async suggestions(actor: Actor, caseId: string): Promise<SuggestionView[]> {
    const found = await this.cases.findVisible(actor, caseId);
    const [facts, roster, conflicted] = await Promise.all([
      this.caseFacts(this.dataSource.manager, found),
      this.roster.facts(),
      this.conflictedMediators(this.dataSource.manager, caseId),
    ]);
    // Everyone serving the case's township, eligible or not: the ineligible show why.
    const township = `${found.regionPath.split('.').slice(0, -2).join('.')}.`;
    const candidates = roster.filter((m) => m.villagePaths.some((p) => p.startsWith(township)));
    const ranked = rankMediators(
      facts,
      candidates.map((m) => ({ ...m, mediatorId: m.id, conflicted: conflicted.has(m.id) })),
    );
    return ranked.map((s) => {
      const m = roster.find((r) => r.id === s.mediatorId);
      return {
        ...s,
        reasons: s.reasons.map((r) => translate(r.code, actor.lang, r.params)),
        displayName: m?.displayName ?? '',
        title: m?.title ?? '',
      };
    });
  }

  /** Assigns (referred → assigned) or reassigns (assigned / in_mediation → assigned) a mediator. */
  async assign({ actor, id: caseId, version }: VersionedWrite, dto: AssignDto): Promise<void> {
    // A mediator outside the caller's roster is a 404 like an unknown id: her pause, capacity or
    // training in another county is not the caller's to learn from the refusal.
    await this.roster.get(actor, dto.mediatorId);
    const action = (c: Case): CaseAction => (c.mediatorId ? 'reassign' : 'assign');
    await this.writer.write(actor, caseId, version, action, async (manager, locked, now) => {
      if (locked.mediatorId === dto.mediatorId) {
        throw new DomainError(AssignmentCode.AlreadyAssigned, 'conflict');
      }
      await this.assertEligible(manager, locked, dto.mediatorId);
      if (locked.mediatorId) await endAssignment(manager, caseId, now, 'reassigned', dto.note);
      await manager.insert(CaseAssignment, {
        caseId,
        mediatorId: dto.mediatorId,
        assignedBy: actor.user.id,
        assignedAt: now,
        note: dto.note ?? null,
      });
      return {
        patch: { mediatorId: dto.mediatorId },
        audit: {
          action: action(locked) === 'assign' ? 'case.assigned' : 'case.reassigned',
          before: { mediatorId: locked.mediatorId },
          after: { mediatorId: dto.mediatorId, note: dto.note ?? null },
        },
        result: undefined,
      };
    });
  }

  /** The mediator accepts: the legal clock starts (it does not restart on a later reassignment). */
  async accept({ actor, id: caseId, version }: VersionedWrite): Promise<void> {
    await this.writer.write(actor, caseId, version, 'accept', async (manager, locked, now) => {
      const deadlineAt = locked.deadlineAt ?? deadline(locked.mediationKind, now, this.env);
      await manager.update(CaseAssignment, { caseId, endedAt: IsNull() }, { acceptedAt: now });
      return {
        patch: { acceptedAt: locked.acceptedAt ?? now, deadlineAt },
        audit: { action: 'case.accepted', after: { deadlineAt: deadlineAt.toISOString() } },
        result: undefined,
      };
    });
  }

  /** Decline (before accepting) or recuse (a conflict found later): back to referred, reason kept. */
  async release(
    { actor, id: caseId, version }: VersionedWrite,
    kind: 'decline' | 'recuse',
    dto: ReasonDto,
  ): Promise<void> {
    await this.writer.write(actor, caseId, version, kind, async (manager, locked, now) => {
      await endAssignment(
        manager,
        caseId,
        now,
        kind === 'decline' ? 'declined' : 'recused',
        dto.reason,
      );
      if (kind === 'recuse') {
        // A recusal is a conflict: she is not suggested for this case again.
        await manager.query(
          `INSERT INTO mediator_conflicts (mediator_id, case_id, reason, note, declared_by) VALUES ($1, $2, 'other', $3, $1)`,
          [actor.user.id, caseId, dto.reason.slice(0, 500)],
        );
      }
      return {
        patch: { mediatorId: null },
        audit: {
          action: kind === 'decline' ? 'case.declined' : 'case.recused',
          after: { reason: dto.reason },
        },
        result: undefined,
      };
    });
  }

  private async assertEligible(manager: EntityManager, c: Case, mediatorId: string): Promise<void> {
    // Inside the assignment's transaction: one connection, one query at a time.
    const facts = await this.caseFacts(manager, c);
    const [mediator] = await this.roster.facts([mediatorId]);
    const conflicted = await this.conflictedMediators(manager, c.id);
    if (!mediator) throw new DomainError(AssignmentCode.MediatorNotEligible, 'conflict');
    const refused = ineligibility(facts, {
      ...mediator,
      mediatorId,
      conflicted: conflicted.has(mediatorId),
    });
    if (refused) {
      throw new DomainError(AssignmentCode.MediatorNotEligible, 'conflict', { context: refused });
    }
  }

  private async caseFacts(manager: EntityManager, c: Case): Promise<CaseFacts> {
    const village = await manager.findOneByOrFail(Region, { id: c.regionId });
    return {
      villageId: village.id,
      townshipId: village.parentId ?? '',
      disputeType: c.disputeType,
      dvFlag: c.dvFlag,
    };
  }

  /** Mediators with a declared conflict with this case or with one of its parties. */
  private async conflictedMediators(manager: EntityManager, caseId: string): Promise<Set<string>> {
    const rows: { mediator_id: string }[] = await manager.query(
      `SELECT DISTINCT mc.mediator_id FROM mediator_conflicts mc
        WHERE mc.case_id = $1
           OR mc.party_id_index IN (SELECT p.id_number_index FROM parties p WHERE p.case_id = $1)`,
      [caseId],
    );
    return new Set(rows.map((r) => r.mediator_id));
  }
}
