import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `text` as a named prepared statement on the manager's connection: planned once per
 * connection instead of on every call (the reminder snapshot's plan costs more than its run).
 * Needs a transaction's manager (it has a query runner); otherwise falls back to a plain query.
 */
export async function preparedQuery<T>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner || runner.isReleased) return manager.query(text, values);
  const client = (await runner.connect()) as PgClient;
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}

/** The pool behind a TypeORM DataSource (PostgreSQL): named statements need the driver itself. */
export const poolOf = (dataSource: DataSource): pg.Pool =>
  (dataSource.driver as unknown as { master: pg.Pool }).master;

/**
 * Runs `text` as a prepared statement on whichever connection of the pool is free, named after a
 * hash of the text: each connection parses and plans a text once. For statements whose texts are
 * few (they vary by shape, never by value) and whose planning costs a good part of their run.
 */
export async function preparedPoolQuery<T extends pg.QueryResultRow>(
  dataSource: DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const name = `q-${createHash('sha1').update(text).digest('base64url')}`;
  const { rows } = await poolOf(dataSource).query<T>({ name, text, values });
  return rows;
}
