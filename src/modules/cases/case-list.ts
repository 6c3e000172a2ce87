import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/context/request-context.js';
import type { Page } from '../../common/pagination/page.js';
import type { ScopeService } from '../../common/scope/scope.service.js';
import { subtreeCondition } from '../../common/scope/scope-rules.js';
import { escapeLike } from '../../common/sql.js';
import { Region } from '../regions/region.entity.js';
import { Case } from './case.entity.js';
import { reenteredSql } from './case-reentry.js';
import { type CaseSummaryRow, CaseSummaryView } from './dto/case.view.js';
import type { ListCasesQuery } from './dto/list-cases.query.js';

/**
 * `total` is exact up to this many cases; past it the list says "at least this many"
 * (`totalExact: false`) unless the client asks for `exactTotal=true`. Counting a clerk's 90 000
 * cases on every page turn costs more than the page itself; nobody pages through 50 pages.
 */
export const LIST_COUNT_CAP = 1_000;

/** The case scope rule's columns in list queries: a mediator sees every case she was ever assigned. */
export const CASE_SCOPE_COLUMNS = {
  courtId: 'c.court_id',
  regionPath: 'c.region_path',
  everAssigned:
    'EXISTS (SELECT 1 FROM case_assignments sa WHERE sa.case_id = c.id AND sa.mediator_id = :scopeUserId)',
};

/**
 * The same rule on the copies a party keeps of its case's court and path (AddPartyScope), so a
 * name search is narrowed to the caller's scope in the name index, before any case is read.
 */
const PARTY_SCOPE_COLUMNS = {
  courtId: 'qp.court_id',
  regionPath: 'qp.region_path',
  everAssigned:
    'EXISTS (SELECT 1 FROM case_assignments qa WHERE qa.case_id = qp.case_id AND qa.mediator_id = :scopeUserId)',
};

/** The columns a summary shows; the summary text, claims and parties' secrets stay in the table. */
/** The parties' names of the case `caseId` (a SQL expression), applicant first, as a summary shows them. */
export const partyNamesOf = (caseId: string): string =>
  `(SELECT array_agg(pn.name ORDER BY pn.role <> 'applicant', pn.created_at, pn.id)
    FROM parties pn WHERE pn.case_id = ${caseId})`;

export const SUMMARY_COLUMNS: Record<keyof CaseSummaryRow, string> = {
  id: 'id',
  caseNumber: 'case_number',
  courtReference: 'court_reference',
  courtId: 'court_id',
  regionId: 'region_id',
  mediationKind: 'mediation_kind',
  disputeType: 'dispute_type',
  source: 'source',
  status: 'status',
  result: 'result',
  route: 'route',
  dvFlag: 'dv_flag',
  mediatorId: 'mediator_id',
  receivedAt: 'received_at',
  acceptedAt: 'accepted_at',
  deadlineAt: 'deadline_at',
  closedAt: 'closed_at',
  version: 'version',
  updatedAt: 'updated_at',
};

const SORT_COLUMNS = {
  receivedAt: '"receivedAt"',
  deadlineAt: '"deadlineAt"',
  caseNumber: '"caseNumber"',
  updatedAt: '"updatedAt"',
};

export interface CasePage extends Page<CaseSummaryView> {
  totalExact: boolean;
}

/**
 * `GET /cases` in one round trip: the page, its parties' names and the (capped) count come back
 * from one statement, so a page costs about the same at a thousand cases as at a million.
 */
export async function listCases(
  dataSource: DataSource,
  scope: ScopeService,
  user: AuthUser,
  query: ListCasesQuery,
  now: Date,
  countCap = LIST_COUNT_CAP,
): Promise<CasePage> {
  const filtered = await filteredCases(dataSource, scope, user, query, now);
  const [matchSql, params] = filtered
    .select(Object.entries(SUMMARY_COLUMNS).map(([alias, column]) => `c.${column} AS "${alias}"`))
    .getQueryAndParameters();
  const cap = query.exactTotal ? null : countCap;
  const descending = query.sort.startsWith('-');
  const column = SORT_COLUMNS[query.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS];
  const direction = descending ? 'DESC' : 'ASC';
  // A name search (a few hundred cases found through the parties) and the overdue cases (few by
  // design: expiry is automatic) are found once, for both the page and the count, and then sorted;
  // walking a sorted index for them would read a court's every case. Any other filter stays
  // inlined, so the page walks a sorted index and stops after a page.
  const selective = (query.q && !/\d/.test(query.q)) || query.overdue === true;
  const materialized = selective ? 'MATERIALIZED' : 'NOT MATERIALIZED';
  // Only the deadline can be null; the id tie-breaker follows the sort so one index serves both.
  const sql = `WITH matched AS ${materialized} (${matchSql})
    SELECT m.*,
      ${partyNamesOf('m.id')} AS "partyNames",
      (SELECT count(*) FROM (SELECT 1 FROM matched ${cap === null ? '' : `LIMIT ${cap + 1}`}) counted)::int AS total
    FROM matched m
    ORDER BY m.${column} ${direction}${column === '"deadlineAt"' ? ' NULLS LAST' : ''}, m.id ${direction}
    LIMIT ${query.pageSize} OFFSET ${query.offset}`;
  const rows: (CaseSummaryRow & { partyNames: string[] | null; total: number })[] =
    await dataSource.query(sql, params);

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.offset > 0) {
    const counted: { total: number }[] = await dataSource.query(
      `SELECT count(*)::int AS total FROM (${matchSql} ${cap === null ? '' : `LIMIT ${cap + 1}`}) counted`,
      params,
    );
    total = counted[0].total;
  }
  return {
    items: rows.map((row) => CaseSummaryView.of(row, now, row.partyNames ?? [])),
    page: query.page,
    pageSize: query.pageSize,
    total: cap === null ? total : Math.min(total, cap),
    totalExact: cap === null || total <= cap,
  };
}

async function filteredCases(
  dataSource: DataSource,
  scope: ScopeService,
  user: AuthUser,
  query: ListCasesQuery,
  now: Date,
): Promise<SelectQueryBuilder<Case>> {
  const qb = dataSource.getRepository(Case).createQueryBuilder('c');
  const scoped = scope.caseCondition(user, CASE_SCOPE_COLUMNS);
  qb.where(scoped.sql, scoped.params);
  if (query.status) qb.andWhere('c.status = :status', { status: query.status });
  if (query.courtId) qb.andWhere('c.courtId = :courtId', { courtId: query.courtId });
  if (query.mediatorId) qb.andWhere('c.mediatorId = :mediatorId', { mediatorId: query.mediatorId });
  if (query.disputeType)
    qb.andWhere('c.disputeType = :disputeType', { disputeType: query.disputeType });
  if (query.dvFlag !== undefined) qb.andWhere('c.dvFlag = :dvFlag', { dvFlag: query.dvFlag });
  if (query.overdue !== undefined) {
    qb.andWhere(
      query.overdue
        ? `c.status <> 'closed' AND c.deadlineAt < :now`
        : `NOT (c.status <> 'closed' AND c.deadlineAt IS NOT NULL AND c.deadlineAt < :now)`,
      { now },
    );
  }
  if (query.receivedFrom) qb.andWhere('c.receivedAt >= :from', { from: query.receivedFrom });
  if (query.receivedTo) qb.andWhere('c.receivedAt < :to', { to: query.receivedTo });
  if (query.assigned !== undefined)
    qb.andWhere(`c.mediator_id IS ${query.assigned ? 'NOT NULL' : 'NULL'}`);
  if (query.open !== undefined) qb.andWhere(`c.status ${query.open ? '<>' : '='} 'closed'`);
  if (query.closedFrom) qb.andWhere('c.closedAt >= :closedFrom', { closedFrom: query.closedFrom });
  if (query.closedTo) qb.andWhere('c.closedAt < :closedTo', { closedTo: query.closedTo });
  // Closed cases whose family came back within 12 months (cases/case-reentry.ts), or did not.
  if (query.reentered !== undefined)
    qb.andWhere(`c.status = 'closed' AND ${query.reentered ? '' : 'NOT '}${reenteredSql('c')}`);
  if (query.result) qb.andWhere('c.result = :result', { result: query.result });
  let rootPath: string | undefined;
  if (query.regionId) {
    const root = await dataSource.getRepository(Region).findOneBy({ id: query.regionId });
    rootPath = root?.path ?? '-';
    const inside = subtreeCondition('c.region_path', rootPath, 'rootPath');
    qb.andWhere(inside.sql, inside.params);
  }
  if (query.q) {
    // A number searches case numbers (contains); anything else a party's name from its start
    // (surname first), which an index serves even at a million cases.
    if (/\d/.test(query.q)) {
      qb.andWhere('(c.caseNumber LIKE :q OR c.courtReference LIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    } else {
      // The scope (and the region filter) on the party's own copies: the index answers which
      // cases the caller may see, so only those are read.
      const partyScope = scope.caseCondition(user, PARTY_SCOPE_COLUMNS);
      const region = rootPath
        ? ` AND ${subtreeCondition('qp.region_path', rootPath, 'rootPath').sql}`
        : '';
      qb.andWhere(
        `c.id IN (SELECT qp.case_id FROM parties qp
          WHERE qp.name LIKE :q AND ${partyScope.sql}${region})`,
        { ...partyScope.params, q: `${escapeLike(query.q)}%` },
      );
    }
  }
  return qb;
}
