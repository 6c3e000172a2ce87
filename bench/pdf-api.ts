// The API path of bench/pdf: the real API in this process (Fastify, PostgreSQL, the RenderPool)
// on a fresh database seeded by `seed:demo`; 20 mediation agreements issued at once over HTTP
// while a 5 ms timer in the same process measures how late the event loop answers.
import { execFileSync } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger as NestLogger } from '@nestjs/common';
import { resetEnvCache } from '../src/config/config.module.js';
import { createApiApp } from '../src/http/create-api-app.js';
import { baseUrlOf, recreateDatabase } from './support.js';

const DB_NAME = 'mediation_bench_pdf';

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  timerP99Late: number;
  totalMs: number;
}

/** Runs `work` while measuring the event loop two ways: the histogram and a 5 ms timer's lateness. */
export async function measureLoop(work: () => Promise<unknown>): Promise<LoopDelay> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  const late: number[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    late.push(Math.max(0, now - last - 5));
    last = now;
  }, 5);
  h.enable();
  const t0 = performance.now();
  await work();
  const totalMs = performance.now() - t0;
  await sleep(20); // one more tick, so a single long block is counted too
  h.disable();
  clearInterval(ticker);
  late.sort((a, b) => a - b);
  return {
    p50: h.percentile(50) / 1e6,
    p99: h.percentile(99) / 1e6,
    max: h.max / 1e6,
    timerP99Late: late[Math.min(late.length - 1, Math.floor(late.length * 0.99))] ?? 0,
    totalMs,
  };
}

export async function apiPath(threads: number): Promise<LoopDelay> {
  const url = `postgres://postgres@127.0.0.1:5432/${DB_NAME}`;
  await recreateDatabase(DB_NAME);
  const env = {
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: 'development',
    LOG_LEVEL: 'fatal',
  };
  const seeded = execFileSync('node', ['dist/src/scripts/seed-demo.js'], { env, encoding: 'utf8' });
  const password = /mediator1\s+(\S+)/.exec(seeded)?.[1];
  if (!password) throw new Error('seed:demo printed no password for mediator1');
  Object.assign(process.env, env, {
    THROTTLE_LIMIT_PER_MINUTE: '100000000',
    PDF_RENDER_THREADS: String(threads),
  });
  resetEnvCache();
  NestLogger.overrideLogger(['error']);
  const app = await createApiApp();
  await app.listen(0, '127.0.0.1');
  try {
    const base = `${baseUrlOf(app.getHttpServer())}/api/v1`;
    const login = (await (
      await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'mediator1', password }),
      })
    ).json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${login.accessToken}` };
    const list = (await (
      await fetch(`${base}/cases?status=closed&pageSize=100`, { headers: auth })
    ).json()) as {
      items: { id: string; result: string }[];
    };
    const settled = list.items.find((c) => c.result === 'divorce_agreed');
    if (!settled) throw new Error('seed:demo made no closed divorce_agreed case');
    const issue = async () => {
      const res = await fetch(`${base}/cases/${settled.id}/documents`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'mediation_agreement' }),
      });
      if (res.status !== 201) throw new Error(`POST documents: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: 10 }, issue)); // warm
    return await measureLoop(() => Promise.all(Array.from({ length: 20 }, issue)));
  } finally {
    await app.close();
  }
}
