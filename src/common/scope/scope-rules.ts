import type { Role } from '../auth/roles.js';

/**
 * Who sees what (docs/design/domain.md, "People and what they may see"), as pure rules with no
 * Nest or database imports. The ScopeService feeds them; later modules ask the service, never
 * re-derive.
 */

/** Regions (and objects located in them) a user may see. */
export type RegionScope = { kind: 'all' } | { kind: 'subtree'; path: string } | { kind: 'none' };

export interface ScopeSubject {
  id: string;
  role: Role;
  courtId: string | null;
  /** Materialised path of the user's scope root: a supervisor's region, a mediator's village,
   * a clerk's court jurisdiction. */
  scopePath: string | null;
}

export function regionScopeOf(subject: ScopeSubject): RegionScope {
  if (subject.role === 'admin') return { kind: 'all' };
  return subject.scopePath ? { kind: 'subtree', path: subject.scopePath } : { kind: 'none' };
}

export function pathInScope(scope: RegionScope, path: string | null | undefined): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none' || !path) return false;
  return path.startsWith(scope.path);
}

/**
 * For things that serve a region (courts, organisations): visible when inside the user's subtree
 * or when they cover it (the county court of a township supervisor).
 */
export function pathRelated(scope: RegionScope, path: string | null | undefined): boolean {
  if (scope.kind !== 'subtree' || !path) return pathInScope(scope, path);
  return path.startsWith(scope.path) || scope.path.startsWith(path);
}

/** What the scope rules need to know about a case. */
export interface CaseScopeFacts {
  courtId: string;
  regionPath: string;
  /** Every mediator ever assigned (current or past). */
  mediatorIds: string[];
}

/**
 * May this user see this case? Clerk: cases of her own court. Mediator: cases assigned to her,
 * now or before. Supervisor: cases located inside her region. Admin and sentinel: none.
 */
export function caseVisibleTo(subject: ScopeSubject, facts: CaseScopeFacts): boolean {
  switch (subject.role) {
    case 'clerk':
      return subject.courtId !== null && subject.courtId === facts.courtId;
    case 'mediator':
      return facts.mediatorIds.includes(subject.id);
    case 'supervisor':
      return pathInScope(regionScopeOf(subject), facts.regionPath);
    case 'admin':
    case 'sentinel':
      return false;
  }
}

/** The first path after every path of the subtree at `path` (in "C" order): its last character + 1. */
export const subtreeEnd = (path: string): string =>
  path.slice(0, -1) + String.fromCharCode(path.charCodeAt(path.length - 1) + 1);

/**
 * `column` lies in the subtree at `path`: what `LIKE 'path%'` means, as a range in "C" order. The
 * planner estimates a range by a binary search of the column's histogram, where it would test a
 * LIKE pattern against every histogram entry, for every index it considers: with the 1 000-entry
 * statistics the cases' paths need, that was ~3 ms of planning per list. The parameters are named
 * `<name>` and `<name>End`.
 */
export function subtreeCondition(
  column: string,
  path: string,
  name: string,
): { sql: string; params: Record<string, string> } {
  return {
    sql: `(${column} >= :${name} COLLATE "C" AND ${column} < :${name}End COLLATE "C")`,
    params: { [name]: path, [`${name}End`]: subtreeEnd(path) },
  };
}

/** Column expressions of a case query, so the same rule can filter in SQL. */
export interface CaseScopeColumns {
  courtId: string;
  regionPath: string;
  /** An SQL boolean expression, with `:scopeUserId`, true when the user was ever assigned. */
  everAssigned: string;
}

/**
 * The case rule as an SQL condition with named parameters, for list queries:
 * `qb.andWhere(cond.sql, cond.params)`. Same semantics as `caseVisibleTo`.
 */
export function caseScopeCondition(
  subject: ScopeSubject,
  columns: CaseScopeColumns,
): { sql: string; params: Record<string, unknown> } {
  switch (subject.role) {
    case 'clerk':
      return subject.courtId
        ? { sql: `${columns.courtId} = :scopeCourtId`, params: { scopeCourtId: subject.courtId } }
        : { sql: 'FALSE', params: {} };
    case 'mediator':
      return { sql: columns.everAssigned, params: { scopeUserId: subject.id } };
    case 'supervisor':
      return subject.scopePath
        ? subtreeCondition(columns.regionPath, subject.scopePath, 'scopePath')
        : { sql: 'FALSE', params: {} };
    case 'admin':
    case 'sentinel':
      return { sql: 'FALSE', params: {} };
  }
}
