import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { fieldError, validationFailed } from '../../../common/errors/domain-error.js';
import { endAssignment } from '../assignment/case-assignment.service.js';
import { CaseChild } from '../intake/case-child.entity.js';
import { CaseOutcome } from './case-outcome.entity.js';
import { checkAgreementEffective, refuseDates } from '../clock/date-rules.js';
import { type VersionedWrite, CaseWriter } from '../case-writer.js';
import { OutcomeDto, ReviewDto } from './dto/outcome.dto.js';
import { scheduleFollowUps } from '../after-closure/after-closure.service.js';
import type { Agreement } from './agreement-rules.js';
import { SETTLED_RESULTS, type OutcomeResult } from './outcome-routes.js';
import { checkOutcome } from './outcome-rules.js';
import { OutcomeCode } from './outcome.codes.js';

/** The mediator's outcome and the supervisor's review (approval closes the case). */
@Injectable()
export class CaseOutcomeService {
  constructor(private readonly writer: CaseWriter) {}

  /** The assigned mediator submits; the law's routes and the agreement's terms are checked. */
  async submit({ actor, id: caseId, version }: VersionedWrite, dto: OutcomeDto): Promise<void> {
    await this.writer.write(
      actor,
      caseId,
      version,
      'submit_outcome',
      async (manager, locked, now) => {
        const children = await manager.findBy(CaseChild, { caseId });
        const agreement = dto.agreement
          ? (JSON.parse(JSON.stringify(dto.agreement)) as Agreement)
          : null;
        const violations = checkOutcome({
          result: dto.result,
          route: dto.route,
          agreement,
          children: children.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate })),
        });
        if (violations.length > 0) throw validationFailed(violations);
        refuseDates(checkAgreementEffective(locked, agreement?.effectiveAt));
        // Plain SQL: TypeORM's deep-partial typing cannot follow the recursive JSON type.
        await manager.query(
          `INSERT INTO case_outcomes (case_id, result, route, agreement, notes, undisputed_facts, submitted_by, submitted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            caseId,
            dto.result,
            dto.route,
            agreement ? JSON.stringify(agreement) : null,
            dto.notes ?? null,
            dto.undisputedFacts ?? null,
            actor.user.id,
            now,
          ],
        );
        return {
          audit: {
            action: 'case.outcome_submitted',
            after: { result: dto.result, route: dto.route },
          },
          result: undefined,
        };
      },
    );
  }

  /** A supervisor approves (closed; follow-ups scheduled) or returns it with a comment. */
  async review({ actor, id: caseId, version }: VersionedWrite, dto: ReviewDto): Promise<void> {
    if (dto.decision === 'return' && !dto.comment?.trim()) {
      throw validationFailed([fieldError('comment', OutcomeCode.ReturnCommentRequired)]);
    }
    await this.writer.write(
      actor,
      caseId,
      version,
      dto.decision === 'approve' ? 'approve' : 'return',
      async (manager, locked, now) => {
        const outcome = await manager.findOneOrFail(CaseOutcome, {
          where: { caseId, reviewDecision: IsNull() },
          order: { submittedAt: 'DESC' },
        });
        await manager.update(
          CaseOutcome,
          { id: outcome.id },
          {
            reviewDecision: dto.decision === 'approve' ? 'approved' : 'returned',
            reviewComment: dto.comment ?? null,
            reviewedBy: actor.user.id,
            reviewedAt: now,
          },
        );
        if (dto.decision === 'return') {
          return {
            audit: { action: 'case.outcome_returned', after: { comment: dto.comment } },
            result: undefined,
          };
        }
        await endAssignment(manager, caseId, now, 'closed');
        const settled = SETTLED_RESULTS.includes(outcome.result as OutcomeResult);
        await scheduleFollowUps(manager, locked, settled, now);
        return {
          patch: { result: outcome.result, route: outcome.route, closedAt: now },
          audit: { action: 'case.closed', after: { result: outcome.result, route: outcome.route } },
          result: undefined,
        };
      },
    );
  }
}
