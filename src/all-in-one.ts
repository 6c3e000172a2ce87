// `npm start`: migrations, then the API and the worker in one process — the shape for a county
// on one machine. For scale, run dist/src/main.js and dist/src/worker.js separately (README).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from '@nestjs/common';
import { createPino, PinoLoggerService } from './common/logging/logger.js';
import { bootstrapAdmin, checkRedisPolicy, envOrExit, runMigrations, startOrExit } from './boot.js';
import { createApiApp } from './http/create-api-app.js';
import { installServiceMessages } from './messages.js';
import { WorkerAppModule } from './worker.module.js';

// One process, one /metrics: the API's serves the worker's counters too (same registry).
process.env.WORKER_METRICS_PORT = '0';
const env = envOrExit();
installServiceMessages();
await checkRedisPolicy(env);
await runMigrations(env);
// Creating the context initialises its modules: the queue prefix is claimed there.
const worker = await startOrExit(() =>
  NestFactory.createApplicationContext(WorkerAppModule, {
    logger: new PinoLoggerService(createPino(env).child({ process: 'worker' })),
  }),
);
worker.enableShutdownHooks();
await worker.init();
const api = await startOrExit(createApiApp);
await bootstrapAdmin(api, env);
await api.listen({ port: env.PORT, host: env.HOST });
new Logger('Main').log(`Serving on http://${env.HOST}:${env.PORT} (docs at /api/docs)`);
