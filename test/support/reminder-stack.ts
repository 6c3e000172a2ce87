import type { INestApplicationContext } from '@nestjs/common';
import type { Test } from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { caseInMediation } from './cases.js';
import { freePort, PrivateRedis } from './redis-server.js';
import { FakeReceiver, inMs, startWorker } from './reminders.js';
import { bearer, login, seedWorld, type World } from './world.js';
import { Redis } from 'ioredis';
import type { WorkerService } from '../../src/queue/worker.service.js';

/**
 * The API and the worker in this process, against a private redis-server, a fake SMS gateway
 * and a fake court endpoint (real HTTP servers). Every environment variable set here is
 * restored by `close`, so later test files see the plain test environment.
 */
export interface ReminderStack {
  t: TestApp;
  workerApp: INestApplicationContext | undefined;
  worker: WorkerService | undefined;
  redis: PrivateRedis;
  sms: FakeReceiver;
  court: FakeReceiver;
  env: Record<string, string>;
  world: World;
  tok: Record<string, string>;
  reset: () => Promise<void>;
  close: () => Promise<void>;
  send: (user: string, method: 'post' | 'patch' | 'put', path: string, body?: object) => Test;
  get: (user: string, path: string) => Test;
  inMediation: (over?: Record<string, unknown>) => ReturnType<typeof caseInMediation>;
  /** Books a session for `c` (by mediatorx1) whose "2 h before" reminders come due in `ms`. */
  sessionDueIn: (
    c: { id: string; version: number },
    ms: number,
    location?: string,
  ) => Promise<void>;
}

const H = 3_600_000;

export const USERS = [
  'clerka',
  'clerkb',
  'supervisorx',
  'supervisorcity',
  'mediatorx1',
  'mediatorz1',
];

export async function startReminderStack(
  extraEnv: Record<string, string> = {},
  withWorker = true,
): Promise<ReminderStack> {
  const redis = new PrivateRedis(await freePort());
  await redis.start();
  const sms = new FakeReceiver();
  const court = new FakeReceiver();
  await sms.start();
  await court.start();
  const env: Record<string, string> = {
    REDIS_URL: redis.url,
    SMS_DRIVER: 'http',
    SMS_HTTP_URL: sms.url,
    COURT_WEBHOOK_URL: court.url,
    SMS_QUIET_HOURS: 'off',
    OUTBOX_POLL_MS: '100',
    ...extraEnv,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const t = await createTestApp(env);
  // Its own connection (with an offline queue): the app's producer fails fast while connecting.
  const admin = new Redis(redis.url);
  const w = withWorker ? await startWorker(env) : undefined;
  const stack: ReminderStack = {
    t,
    workerApp: w?.app,
    worker: w?.worker,
    redis,
    sms,
    court,
    env,
    world: undefined as unknown as World,
    tok: {},
    reset: async () => {
      // Ids restart with the tables: jobs of earlier tests (same ids) must not linger in Redis.
      await admin.flushall();
      // A job of the previous test may still be running: its queries can deadlock the TRUNCATE.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await t.reset();
          break;
        } catch (error) {
          if (attempt >= 5 || !String(error).includes('deadlock')) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      await admin.flushall();
      sms.requests.length = 0;
      court.requests.length = 0;
      sms.answer = () => 200;
      court.answer = () => 200;
      stack.world = await seedWorld(t.app);
      for (const u of USERS) stack.tok[u] = (await login(t, u)).access;
    },
    close: async () => {
      await w?.app.close();
      await t.close();
      admin.disconnect();
      await Promise.all([sms.stop(), court.stop(), redis.stop()]);
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
    send: (user, method, path, body = {}) =>
      t.http()[method](`/api/v1${path}`).set(bearer(stack.tok[user])).send(body),
    get: (user, path) => t.http().get(`/api/v1${path}`).set(bearer(stack.tok[user])),
    sessionDueIn: async (c, ms, location = '百合调解室') => {
      await stack
        .send('mediatorx1', 'post', `/cases/${c.id}/sessions`, {
          scheduledAt: inMs(2 * H + ms),
          location,
          mode: 'in_person',
          format: 'joint',
          version: c.version,
        })
        .expect(201);
    },
    inMediation: (over = {}) =>
      caseInMediation(
        t,
        {
          clerk: stack.tok.clerka,
          supervisor: stack.tok.supervisorx,
          mediator: stack.tok.mediatorx1,
        },
        stack.world.regions.x1,
        stack.world.users.mediatorX1,
        over,
      ),
  };
  return stack;
}
