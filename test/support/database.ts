import type { DataSource } from 'typeorm';

/**
 * Empties every table between tests but the deployment's id (the queue prefix of the apps and
 * workers already running is derived from it). The audit trail refuses TRUNCATE; as the superuser the
 * tests run as, `session_replication_role = replica` skips that trigger for this session only.
 */
export async function resetDatabase(ds: DataSource): Promise<void> {
  const tables: { tablename: string }[] = await ds.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
        AND tablename NOT IN ('typeorm_migrations', 'deployment')`,
  );
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET session_replication_role = replica`);
    await runner.query(
      `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`,
    );
    await runner.query(`SET session_replication_role = DEFAULT`);
  } finally {
    await runner.release();
  }
}
