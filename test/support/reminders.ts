import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { resetEnvCache } from '../../src/config/config.module.js';
import { WorkerService } from '../../src/queue/worker.service.js';
import { WorkerAppModule } from '../../src/worker.module.js';

export interface ReceivedRequest {
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  raw: string;
  status: number;
}

/**
 * A real HTTP server standing in for the SMS gateway or the court: records every request and
 * answers with `answer(n)` for the n-th request (0-based); `hang` keeps the request open.
 */
export class FakeReceiver {
  readonly requests: ReceivedRequest[] = [];
  answer: (n: number, body: Record<string, unknown>) => number | 'hang' = () => 200;
  onRequest: (r: ReceivedRequest) => void = () => undefined;
  private server: Server | undefined;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Distinct idempotency keys answered 2xx: the SMS the gateway actually sent. */
  accepted(): ReceivedRequest[] {
    const seen = new Set<string>();
    return this.requests.filter((r) => {
      const key = String(r.headers['idempotency-key']);
      if (r.status < 200 || r.status >= 300 || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        const status = this.answer(this.requests.length, body);
        const entry = { headers: req.headers, body, raw, status: status === 'hang' ? 0 : status };
        this.requests.push(entry);
        this.onRequest(entry);
        if (status === 'hang') return;
        res.statusCode = status;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** The worker process's module, in this process, with the current environment. */
export async function startWorker(env: Record<string, string>): Promise<{
  app: INestApplicationContext;
  worker: WorkerService;
}> {
  Object.assign(process.env, env);
  resetEnvCache();
  const app = await NestFactory.createApplicationContext(WorkerAppModule, {
    logger: false,
    abortOnError: false,
  });
  await app.init();
  return { app, worker: app.get(WorkerService) };
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** An ISO time `ms` from now. */
export const inMs = (ms: number): string => new Date(Date.now() + ms).toISOString();
