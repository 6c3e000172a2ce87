import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { resetEnvCache } from '../../src/config/config.module.js';
import { createApiApp } from '../../src/http/create-api-app.js';
import { resetDatabase } from './database.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  ds: DataSource;
  reset: () => Promise<void>;
  close: () => Promise<void>;
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
    http: () => request(app.getHttpServer()),
    reset: () => resetDatabase(ds),
    close: () => app.close(),
  };
}
