import type { Response } from 'supertest';
import type { TestApp } from './app.js';

/** An id that names nothing. */
export const RANDOM_ID = '5b0c6c1e-3f5a-4d7e-9a41-7c2f0e8d9b13';

/**
 * What a request may have written: the contents of the table it writes (so an UPDATE counts as
 * much as an INSERT), the audit trail apart from refused accesses (a refusal is audited by
 * design), and the timeline of the other county's case (its audit rows).
 */
export interface Footprint {
  table: string;
  audit: number;
  timeline: number;
}

export async function footprint(t: TestApp, table: string, caseId?: string): Promise<Footprint> {
  // `table` comes from the tests' own tables, never from input.
  const [{ digest }]: { digest: string }[] = await t.ds.query(
    `SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') AS digest FROM ${table} x`,
  );
  const [{ audit }]: { audit: string }[] = await t.ds.query(
    `SELECT count(*) AS audit FROM audit_events WHERE action <> 'access.denied'`,
  );
  const [{ timeline }]: { timeline: string }[] = caseId
    ? await t.ds.query(`SELECT count(*) AS timeline FROM audit_events WHERE case_id = $1`, [caseId])
    : [{ timeline: '0' }];
  return { table: digest, audit: Number(audit), timeline: Number(timeline) };
}

/** The problem+json body without what differs per request. */
export const problemOf = (res: Response): Record<string, unknown> => {
  const { requestId: _r, ...rest } = res.body as Record<string, unknown>;
  return rest;
};

/** One row of a foreign-id table: a request naming `id`, and what it must answer. */
export interface ForeignIdCase {
  name: string;
  /** The other county's object (resolved once the world exists). */
  foreign: () => string;
  send: (id: string) => Promise<Response>;
  /** The table the request would write. */
  table: string;
  status: number;
  code: string;
  /** The field a 400 names. */
  field?: string;
}

/**
 * Sends the request with the other county's id and with an id that names nothing: both get the
 * same answer (status, code, detail, fields), and neither changes the table, the audit trail
 * (refusals aside) or the other case's timeline.
 */
export async function expectRefusedAlike(
  t: TestApp,
  row: ForeignIdCase,
  foreignCaseId?: string,
): Promise<void> {
  const answers: Response[] = [];
  for (const id of [row.foreign(), RANDOM_ID]) {
    const before = await footprint(t, row.table, foreignCaseId);
    const res = await row.send(id);
    expect({ id, status: res.status, code: res.body.code }).toEqual({
      id,
      status: row.status,
      code: row.code,
    });
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (row.field)
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(row.field);
    expect(await footprint(t, row.table, foreignCaseId)).toEqual(before);
    answers.push(res);
  }
  const [foreign, random] = answers.map(problemOf);
  // The answer must not tell an existing object of another county from one that does not exist.
  expect(JSON.stringify(foreign).replaceAll(row.foreign(), RANDOM_ID)).toBe(JSON.stringify(random));
}
