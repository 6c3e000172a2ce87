// The queue worker process (no HTTP): BullMQ consumers, the outbox relay and the reconciler.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createPino, PinoLoggerService } from './common/logging/logger.js';
import { checkRedisPolicy, envOrExit, runMigrations, startOrExit } from './boot.js';
import { installServiceMessages } from './messages.js';
import { WorkerAppModule } from './worker.module.js';

const env = envOrExit();
installServiceMessages();
await checkRedisPolicy(env);
if (env.RUN_MIGRATIONS) await runMigrations(env);
// Creating the context initialises its modules: the queue prefix is claimed there.
const app = await startOrExit(() =>
  NestFactory.createApplicationContext(WorkerAppModule, {
    logger: new PinoLoggerService(createPino(env).child({ process: 'worker' })),
  }),
);
app.enableShutdownHooks();
await app.init();
