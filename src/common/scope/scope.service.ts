import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser, RequestContext } from '../context/request-context.js';
import type { ErrorCode } from '../../codes.js';
import { DomainError, notFound, type NotFoundEntity } from '../errors/domain-error.js';
import { REFUSED_ACCESS_SINK, type RefusedAccessSink } from './refused-access.js';
import {
  CaseScopeColumns,
  CaseScopeFacts,
  caseScopeCondition,
  caseVisibleTo,
  pathInScope,
  pathRelated,
  RegionScope,
  regionScopeOf,
  ScopeSubject,
  subtreeCondition,
} from './scope-rules.js';

/**
 * "May this user see this case / this region?" — answered here only. Out of scope is a 404
 * (never a 403, so ids cannot be probed), and the refused access is audited.
 */
@Injectable()
export class ScopeService {
  constructor(@Inject(REFUSED_ACCESS_SINK) private readonly refused: RefusedAccessSink) {}

  subjectOf(user: AuthUser): ScopeSubject {
    return { id: user.id, role: user.role, courtId: user.courtId, scopePath: user.scopePath };
  }

  regionScope(user: AuthUser): RegionScope {
    return regionScopeOf(this.subjectOf(user));
  }

  canSeePath(user: AuthUser, path: string | null | undefined): boolean {
    return pathInScope(this.regionScope(user), path);
  }

  isRelatedPath(user: AuthUser, path: string | null | undefined): boolean {
    return pathRelated(this.regionScope(user), path);
  }

  canSeeCase(user: AuthUser, facts: CaseScopeFacts): boolean {
    return caseVisibleTo(this.subjectOf(user), facts);
  }

  caseCondition(
    user: AuthUser,
    columns: CaseScopeColumns,
  ): { sql: string; params: Record<string, unknown> } {
    return caseScopeCondition(this.subjectOf(user), columns);
  }

  /** SQL condition restricting a region-path column to the user's subtree. */
  regionCondition(
    user: AuthUser,
    pathColumn: string,
  ): { sql: string; params: Record<string, unknown> } {
    const scope = this.regionScope(user);
    if (scope.kind === 'all') return { sql: 'TRUE', params: {} };
    if (scope.kind === 'none') return { sql: 'FALSE', params: {} };
    return subtreeCondition(pathColumn, scope.path, 'scopePath');
  }

  /** SQL condition: the path column is inside the user's subtree or is an ancestor of its root. */
  relatedCondition(
    user: AuthUser,
    pathColumn: string,
  ): { sql: string; params: Record<string, unknown> } {
    const scope = this.regionScope(user);
    if (scope.kind !== 'subtree') return this.regionCondition(user, pathColumn);
    const inside = subtreeCondition(pathColumn, scope.path, 'scopePath');
    return {
      sql: `(${inside.sql} OR :scopePath LIKE ${pathColumn} || '%')`,
      params: inside.params,
    };
  }

  /**
   * Throws the entity's 404 unless `visible`; records the refused access. Use it for objects the
   * caller asked for by id.
   */
  async assertVisible(
    ctx: RequestContext,
    visible: boolean,
    entity: { type: NotFoundEntity; id: string; code?: ErrorCode },
  ): Promise<void> {
    if (visible) return;
    await this.refused.refusedAccess(ctx, entity);
    throw this.notFoundError(entity.type, entity.code);
  }

  notFoundError(type: NotFoundEntity, code?: ErrorCode): DomainError {
    return notFound(type, code);
  }
}
