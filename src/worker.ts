// The queue worker process (no HTTP): BullMQ consumers, the outbox relay and the reconciler.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { checkRedisPolicy, envOrExit, runMigrations } from './boot.js';
import { WorkerAppModule } from './worker.module.js';

const env = envOrExit();
await checkRedisPolicy(env);
if (env.RUN_MIGRATIONS) await runMigrations(env);
const app = await NestFactory.createApplicationContext(WorkerAppModule, { bufferLogs: true });
app.useLogger(app.get(Logger));
app.enableShutdownHooks();
await app.init();
