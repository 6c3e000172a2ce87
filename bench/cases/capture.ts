// The SQL the service sends, captured from the service itself.
import type { DataSource, Logger } from 'typeorm';
import { getJson } from '../support.js';

export interface Captured {
  sql: string;
  params: unknown[];
}

/** Records every query the service's DataSource sends while `run` is in progress. */
export async function captureQueries(
  ds: DataSource,
  run: () => Promise<unknown>,
): Promise<Captured[]> {
  const original = ds.logger;
  const captured: Captured[] = [];
  const recording: Logger = {
    logQuery: (sql, params) => {
      captured.push({ sql, params: Array.isArray(params) ? params : [] });
    },
    logQueryError: (...args) => original.logQueryError(...args),
    logQuerySlow: (...args) => original.logQuerySlow(...args),
    logSchemaBuild: (...args) => original.logSchemaBuild(...args),
    logMigration: (...args) => original.logMigration(...args),
    log: (...args) => original.log(...args),
  };
  ds.logger = recording;
  try {
    await run();
  } finally {
    ds.logger = original;
  }
  return captured;
}

type Param = { from: 'case' | 'sid' | 'sub' } | { value: unknown };
export interface Statement {
  sql: string;
  params: Param[];
}

/**
 * What GET /cases/:id reads after the case row (CaseRepository.findVisible): CasesService.detail
 * runs the intake records and stageRecords (case-detail.ts) in one Promise.all, one statement per table.
 */
export const DETAIL_GROUPS = [
  [
    'parties',
    'case_children',
    'case_consents',
    'case_screenings',
    'case_assignments',
    'case_extensions',
    'case_sessions',
    'case_outcomes',
    'case_tracking',
    'case_follow_ups',
    'documents',
  ],
] as const;
export type DetailTable = (typeof DETAIL_GROUPS)[number][number];

export interface DetailSql {
  caseRow: Statement;
  /** Each group runs together, as the service's Promise.all does; the groups one after another. */
  groups: Partial<Record<DetailTable, Statement>>[];
}

/**
 * How we know the bare handler runs the same SQL as the service: we do not write it, we record it.
 * One GET /cases/:id is sent to the service with a recording TypeORM logger on its DataSource;
 * every statement and its parameters are kept verbatim, parameters equal to the case id, the
 * session id or the user id become slots. The sequence must be what the service does today (the
 * case row, then DETAIL_GROUPS; the session lookup is a named statement the logger does not see,
 * and the bare handlers prepare the same one); anything else (a new query, one fewer) stops
 * the bench instead of comparing unlike work.
 */
export async function captureDetailSql(
  ds: DataSource,
  url: string,
  headers: Record<string, string>,
  caseId: string,
  claims: { sub: string; sid: string },
): Promise<DetailSql> {
  const captured = await captureQueries(ds, () => getJson(url, headers));
  const statement = (c: Captured): Statement => statementOf(c, caseId, claims);
  const sql: DetailSql = { caseRow: statement(captured[0]), groups: [] };
  let next = 1;
  let same = reads(captured[0], 'cases');
  for (const tables of DETAIL_GROUPS) {
    const group = captured.slice(next, next + tables.length);
    next += tables.length;
    const byTable: DetailSql['groups'][number] = {};
    for (const table of tables) {
      const found = group.filter((c) => reads(c, table));
      if (found.length === 1) byTable[table] = statement(found[0]);
      else same = false;
    }
    sql.groups.push(byTable);
  }
  if (!same || captured.length !== next) {
    const list = captured.map((c, i) => `  ${i + 1}. ${c.sql.replace(/\s+/g, ' ')}`).join('\n');
    throw new Error(
      `GET /cases/:id no longer runs the SQL this bench replays; update bench/cases/capture.ts:\n${list}`,
    );
  }
  return sql;
}

/** A captured statement whose parameters equal to the case, session or user id become slots. */
function statementOf(c: Captured, caseId: string, claims: { sub: string; sid: string }): Statement {
  return {
    sql: c.sql,
    params: c.params.map((p) =>
      p === caseId
        ? { from: 'case' }
        : p === claims.sid
          ? { from: 'sid' }
          : p === claims.sub
            ? { from: 'sub' }
            : { value: p },
    ),
  };
}

const reads = (c: Captured | undefined, table: string): boolean =>
  c !== undefined && new RegExp(`\\bFROM\\s+"?${table}"?\\s`, 'i').test(c.sql);

/** GET /cases (one page, no filter): the one statement of `listCases`. */
export interface ListSql {
  page: Statement;
}

/** As captureDetailSql, for a list page: exactly one statement, on cases. */
export async function captureListSql(
  ds: DataSource,
  url: string,
  headers: Record<string, string>,
  claims: { sub: string; sid: string },
): Promise<ListSql> {
  const captured = await captureQueries(ds, () => getJson(url, headers));
  if (captured.length !== 1 || !reads(captured[0], 'cases')) {
    const list = captured.map((c, i) => `  ${i + 1}. ${c.sql.replace(/\s+/g, ' ')}`).join('\n');
    throw new Error(
      `GET /cases no longer runs the SQL this bench replays; update bench/cases/capture.ts:\n${list}`,
    );
  }
  return { page: statementOf(captured[0], '', claims) };
}

export const bind = (s: Statement, slots: { case: string; sid: string; sub: string }): unknown[] =>
  s.params.map((p) => ('from' in p ? slots[p.from] : p.value));
