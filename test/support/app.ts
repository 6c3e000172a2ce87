import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request, { type Response, type Test } from 'supertest';
import { DataSource } from 'typeorm';
import { resetEnvCache } from '../../src/config/config.module.js';
import { createApiApp } from '../../src/http/create-api-app.js';
import { contract } from './contract.js';
import { resetDatabase } from './database.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  ds: DataSource;
  reset: () => Promise<void>;
  close: () => Promise<void>;
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * supertest, with every response checked against openapi.json (see contract.ts): an undeclared
 * status, a body that does not match its schema or a wrong content type fails the request.
 */
export function checkedRequest(server: Parameters<typeof request>[0]): ReturnType<typeof request> {
  const agent = request(server);
  return new Proxy(agent, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !VERBS.has(prop) || typeof value !== 'function') return value;
      return (url: string): Test => {
        const test = (value as (url: string) => Test).call(target, url);
        return test.expect((res: Response) => {
          const problems = contract().check(test.method, test.url, res);
          if (problems.length > 0)
            throw new Error(`Response not described by openapi.json:\n${problems.join('\n')}`);
        });
      };
    },
  });
}

/** The real HTTP API (Fastify, real PostgreSQL and Redis), driven by supertest. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  Object.assign(process.env, env);
  resetEnvCache();
  const app = await createApiApp();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const ds = app.get(DataSource);
  return {
    app,
    ds,
    http: () => checkedRequest(app.getHttpServer()),
    reset: () => resetDatabase(ds),
    close: () => app.close(),
  };
}
