// The HTTP API process. Scale out by running several behind a load balancer.
import 'reflect-metadata';
import { bootstrapAdmin, checkRedisPolicy, envOrExit, runMigrations, startOrExit } from './boot.js';
import { createApiApp } from './http/create-api-app.js';

const env = envOrExit();
await checkRedisPolicy(env);
if (env.RUN_MIGRATIONS) await runMigrations(env);
const app = await startOrExit(createApiApp);
await bootstrapAdmin(app, env);
await app.listen({ port: env.PORT, host: env.HOST });
