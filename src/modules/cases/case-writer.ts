import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { ApiHeader, ApiParam } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import {
  contextOf,
  type Actor,
  type AuthenticatedRequest,
  type AuthUser,
  type IdempotentRequest,
  type RequestContext,
} from '../../common/context/request-context.js';
import {
  DomainError,
  fieldError,
  validationFailed,
  type NotFoundEntity,
} from '../../common/errors/domain-error.js';
import type { JsonValue } from '../../common/json.js';
import { documentErrors } from '../../common/openapi/api-docs.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { ReminderScheduler } from '../reminders/reminder-scheduler.js';
import { Case } from './case.entity.js';
import { CaseAction, CaseStatus, InvalidTransitionError, nextStatus } from './case-status.js';
import { CaseNotVisible, CaseRepository, versionConflict } from './case.repository.js';
import { CaseCode } from './cases.codes.js';
import {
  ApiIdempotencyKey,
  checkIdempotencyKey,
  claimIdempotencyKey,
  storeIdempotentResponse,
  writeRequestHash,
} from './idempotency.js';
import { ValidationCode } from '../../common/i18n/common.codes.js';

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

export { notYourAssignment, versionConflict } from './case.repository.js';
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

/** A versioned write as a handler receives it: who, on what (the path's `:id`), at which version. */
export interface VersionedWrite {
  actor: Actor;
  /** The path's `:id`: the case's, or its session's, outcome's, follow-up's. */
  id: string;
  /** The case version the write is based on, from the body's `version` or `If-Match`. */
  version: number;
}

/**
 * The path's `:id`, the If-Match and Idempotency-Key headers, and the key's 409, in the OpenAPI
 * document of the handler (its 400 is the VALIDATION.FAILED every operation lists).
 */
const documentVersionedWrite = (target: object, key: string | symbol | undefined): void => {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
  ApiParam({ name: 'id', required: true, type: String })(target, key, descriptor);
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: '案件版本号（或在请求体中给出 version）',
  })(target, key, descriptor);
  ApiIdempotencyKey(
    '离线重发用：同一键与同一请求（方法、路径、版本号、请求体）返回第一次的结果，不再写入（即使版本号已过时）',
  )(target, key, descriptor);
  documentErrors(descriptor.value as object, { 409: [CaseCode.IdempotencyKeyReused] });
};

/**
 * The request's `Idempotency-Key`, if sent (a malformed one is a 400 naming it), with what the
 * writer stores beside it: the request's hash and the route's success status.
 */
function idempotentRequest(
  request: AuthenticatedRequest,
  handler: object,
  version: number,
): IdempotentRequest | undefined {
  const key = checkIdempotencyKey(request.headers['idempotency-key']);
  if (key === undefined) return undefined;
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
  return {
    key,
    hash: writeRequestHash(request.method, request.url, version, request.body),
    status: declared ?? (request.method === 'POST' ? 201 : 200),
  };
}

/**
 * `@VersionedWrite() write: VersionedWrite`: what every versioned case write needs (the signed-in
 * actor, the path's `:id`, a UUID, and the version from the body or If-Match), in one parameter;
 * a malformed id, version or Idempotency-Key is a 400 naming it. An `Idempotency-Key` is put on
 * the actor (`actor.idempotency`, see RequestContext), which the service hands to CaseWriter.write.
 * The body keeps its own `@Body()`, validated.
 */
export const VersionedWrite = createParamDecorator(
  (_data: unknown, host: ExecutionContext): VersionedWrite => {
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = contextOf(request);
    if (!actor.user) throw new Error('@VersionedWrite() on a route without an authenticated user');
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string' || !isUUID(id)) {
      throw validationFailed([fieldError('id', ValidationCode.IsUuid)]);
    }
    const body = request.body as { version?: unknown } | undefined;
    const fromBody = typeof body?.version === 'number' ? body.version : undefined;
    const ifMatch = request.headers['if-match'];
    const version = expectedVersion(fromBody, typeof ifMatch === 'string' ? ifMatch : undefined);
    const idempotency = idempotentRequest(request, host.getHandler(), version);
    return { actor: (idempotency ? { ...actor, idempotency } : actor) as Actor, id, version };
  },
  [documentVersionedWrite],
);

/**
 * The one way a case changes. In one transaction: the case row read once, locked, in scope (404,
 * audited after the rollback), at the expected version (409), acted on by its current mediator
 * (409); the transition table (409 naming the status); the change; a guarded
 * `UPDATE … WHERE version = $n`; the audit row; and the case's reminders, planned from the row
 * as changed (not read again). Concurrent writers: exactly one wins. A case's creation is the one
 * write that does not come here (IntakeService.create): there is no row to lock, no version to
 * expect and no transition yet, and a received case has no reminders.
 *
 * With an `Idempotency-Key` (`actor.idempotency`), the key is claimed first, before the case is
 * read: a repeat of the same request answers the first one's stored result and does nothing else
 * (no row, no audit, no version bump, though its version is stale by then); the same key with
 * another request is a 409 IDEMPOTENCY.KEY_REUSED; a concurrent repeat waits on the key's primary
 * key for the first to commit and then replays; a write that fails rolls its claim back with it,
 * so it may be retried under the same key. What a service does after `write` returns is not
 * replayed but done again: `PATCH /cases/:id` answers a replay with the case as it is now.
 */
@Injectable()
export class CaseWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reminders: ReminderScheduler,
  ) {}

  /**
   * `actor.user` null: the system (the expiry sweep), which needs no scope. `action` may depend
   * on the locked row (assign or reassign). A write reached through a record of the case (a
   * session) names that record in its 404, so its id cannot be probed either.
   */
  async write<T>(
    actor: RequestContext,
    caseId: string,
    version: number,
    action: CaseAction | ((current: Case) => CaseAction),
    change: (manager: EntityManager, current: Case, now: Date) => Promise<CaseChange<T>>,
    /** What an out-of-scope caller is told was not found: the case, or what she named (a session). */
    refusedAs: { type: NotFoundEntity; id: string } = { type: 'case', id: caseId },
  ): Promise<T> {
    const idempotency = actor.user ? actor.idempotency : undefined;
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (idempotency) {
          // Not a read of the case: statements-per-write still sees one per write.
          const replay = await claimIdempotencyKey(
            manager,
            (actor.user as AuthUser).id,
            idempotency.key,
            idempotency.hash,
          );
          if (replay) return replay.response as T;
        }
        const current = await this.cases.lockVisible(manager, actor, caseId, version);
        const act = typeof action === 'function' ? action(current) : action;
        const status = this.transition(current, act);
        const now = this.clock.now();
        const outcome = await change(manager, current, now);
        const updated = await manager
          .createQueryBuilder()
          .update(Case)
          .set({ ...outcome.patch, status, version: () => 'version + 1', updatedAt: now })
          .where('id = :id AND version = :version', { id: caseId, version })
          .execute();
        if (updated.affected !== 1) throw versionConflict(current.version);
        await this.audit.record(manager, actor, {
          action: outcome.audit.action,
          entityType: 'case',
          entityId: caseId,
          caseId,
          regionPath: current.regionPath,
          before: { status: current.status, version: current.version, ...outcome.audit.before },
          after: { status, version: current.version + 1, ...outcome.audit.after },
        });
        // Reminders follow the case in the same transaction: created, moved or cancelled.
        const changed = Object.assign(new Case(), current, outcome.patch, {
          status,
          version: current.version + 1,
          updatedAt: now,
        });
        await this.reminders.sync(manager, changed, now);
        if (idempotency) {
          // The views a write answers with are JSON already (times as ISO strings).
          await storeIdempotentResponse(
            manager,
            (actor.user as AuthUser).id,
            idempotency.key,
            idempotency.status,
            (outcome.result ?? null) as JsonValue,
          );
        }
        return outcome.result;
      });
    } catch (error) {
      if (error instanceof CaseNotVisible) {
        await this.scope.assertVisible(actor, false, refusedAs);
      }
      throw error;
    }
  }

  /**
   * A change to a case's own records that is not a step of the case (a party's SMS preferences):
   * no version is expected and the status stays, but it is ordered with the case's writes by the
   * same row lock, audited, and the reminders follow. The caller has checked the actor's right.
   */
  async amend<T>(
    actor: RequestContext,
    caseId: string,
    change: (
      manager: EntityManager,
      current: Case,
    ) => Promise<{
      audit: CaseChange<T>['audit'] & { entityType?: string; entityId?: string };
      result: T;
    }>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.cases.lock(manager, caseId);
      if (!current) throw this.scope.notFoundError('case');
      const outcome = await change(manager, current);
      await this.audit.record(manager, actor, {
        entityType: 'case',
        entityId: caseId,
        caseId,
        regionPath: current.regionPath,
        ...outcome.audit,
      });
      await this.reminders.sync(manager, current, this.clock.now());
      return outcome.result;
    });
  }

  private transition(current: Case, action: CaseAction): CaseStatus {
    try {
      return nextStatus(current.status, action);
    } catch (error) {
      if (error instanceof InvalidTransitionError) {
        throw new DomainError(CaseCode.InvalidTransition, 'conflict', {
          status: current.status,
          action,
        });
      }
      throw error;
    }
  }
}
