import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { AuthUser, RequestContext } from '../../common/context/request-context.js';
import { DomainError, fieldError, validationFailed } from '../../common/errors/domain-error.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { ReminderScheduler } from '../reminders/reminder-scheduler.js';
import { Case } from './case.entity.js';
import { CaseAction, InvalidTransitionError, nextStatus } from './case-status.js';
import { CaseCode } from './cases.codes.js';

export interface CaseChange<T> {
  /** Columns to set besides status and version. */
  patch?: Partial<
    Pick<
      Case,
      | 'result'
      | 'route'
      | 'dvFlag'
      | 'closedAt'
      | 'closureReason'
      | 'summary'
      | 'claims'
      | 'courtReference'
      | 'mediatorId'
      | 'acceptedAt'
      | 'deadlineAt'
    >
  >;
  audit: { action: string; before?: Record<string, unknown>; after?: Record<string, unknown> };
  result: T;
}

export const notYourAssignment = (): DomainError =>
  new DomainError(CaseCode.NotAssignedToYou, 'conflict');

export const versionConflict = (current: number): DomainError =>
  new DomainError(CaseCode.VersionConflict, 'conflict', { current });

/** `version` from the body or `If-Match` (`7`, `"7"` or `W/"7"`); one of them is required. */
export function expectedVersion(
  bodyVersion: number | undefined,
  ifMatch: string | undefined,
): number {
  const header = ifMatch?.trim().replace(/^W\//, '').replace(/"/g, '');
  const fromHeader = header ? Number(header) : undefined;
  if (header && (!Number.isInteger(fromHeader) || (fromHeader as number) < 1)) {
    throw validationFailed([fieldError('If-Match', CaseCode.IfMatchFormat)]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw validationFailed([fieldError('version', CaseCode.VersionMismatch)]);
  }
  const version = bodyVersion ?? fromHeader;
  if (version === undefined) {
    throw validationFailed([fieldError('version', CaseCode.VersionRequired)]);
  }
  return version;
}

/** Documents the If-Match header on every versioned case write. */
export const IfMatchHeader = (): MethodDecorator =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: '案件版本号（或在请求体中给出 version）',
  });

/** `@CaseVersion() version: number`: the version a case write is based on, from the body or If-Match. */
export const CaseVersion = createParamDecorator(
  (_data: unknown, host: ExecutionContext): number => {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = request.body as { version?: unknown } | undefined;
    const fromBody = typeof body?.version === 'number' ? body.version : undefined;
    const ifMatch = request.headers['if-match'];
    return expectedVersion(fromBody, typeof ifMatch === 'string' ? ifMatch : undefined);
  },
);

/**
 * The one way a case changes: scope check (404, audited), then in one transaction the row lock,
 * the version check (409), the transition table (409 naming the status), the change, a guarded
 * `UPDATE … WHERE version = $n`, the audit row and the case's reminders. Concurrent writers: exactly one wins.
 */
@Injectable()
export class CaseWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reminders: ReminderScheduler,
  ) {}

  /** The case if the user may see it; otherwise an audited 404. */
  async visibleCase(ctx: RequestContext, user: AuthUser, caseId: string): Promise<Case> {
    const found = await this.dataSource.getRepository(Case).findOneBy({ id: caseId });
    const mediatorIds: { mediator_id: string }[] =
      found && user.role === 'mediator'
        ? await this.dataSource.query(
            'SELECT DISTINCT mediator_id FROM case_assignments WHERE case_id = $1',
            [caseId],
          )
        : [];
    const visible =
      found !== null &&
      this.scope.canSeeCase(user, {
        courtId: found.courtId,
        regionPath: found.regionPath,
        mediatorIds: mediatorIds.map((m) => m.mediator_id),
      });
    await this.scope.assertVisible(ctx, visible, { type: 'case', id: caseId });
    return found as Case;
  }

  /** `user` null: the system (the expiry sweep), which needs no scope. */
  async write<T>(
    ctx: RequestContext,
    user: AuthUser | null,
    caseId: string,
    version: number,
    action: CaseAction,
    change: (manager: EntityManager, current: Case, now: Date) => Promise<CaseChange<T>>,
  ): Promise<T> {
    if (user) await this.visibleCase(ctx, user, caseId);
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Case, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw this.scope.notFoundError('case');
      if (current.version !== version) throw versionConflict(current.version);
      // A mediator still sees the cases she was once assigned, but acts only on her current ones.
      if (user?.role === 'mediator' && current.mediatorId !== user.id) throw notYourAssignment();
      let status;
      try {
        status = nextStatus(current.status, action);
      } catch (error) {
        if (error instanceof InvalidTransitionError) {
          throw new DomainError(CaseCode.InvalidTransition, 'conflict', {
            status: current.status,
            action,
          });
        }
        throw error;
      }
      const now = this.clock.now();
      const outcome = await change(manager, current, now);
      const updated = await manager
        .createQueryBuilder()
        .update(Case)
        .set({ ...outcome.patch, status, version: () => 'version + 1', updatedAt: now })
        .where('id = :id AND version = :version', { id: caseId, version })
        .execute();
      if (updated.affected !== 1) throw versionConflict(current.version);
      await this.audit.record(manager, ctx, {
        action: outcome.audit.action,
        entityType: 'case',
        entityId: caseId,
        caseId,
        regionPath: current.regionPath,
        before: { status: current.status, version: current.version, ...outcome.audit.before },
        after: { status, version: current.version + 1, ...outcome.audit.after },
      });
      // Reminders follow the case in the same transaction: created, moved or cancelled.
      await this.reminders.sync(manager, caseId, now);
      return outcome.result;
    });
  }
}
