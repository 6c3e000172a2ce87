import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { AccessGuard } from './common/auth/access.guard.js';
import { ProblemFilter } from './common/errors/problem.filter.js';
import { loggerParams } from './common/logging/logger-options.js';
import { loadEnv } from './config/config.module.js';
import { Env } from './config/env.js';
import { HealthModule } from './modules/health/health.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';

/** The HTTP API process: the feature modules plus what only HTTP needs. */
@Module({
  imports: [
    LoggerModule.forRootAsync({ useFactory: () => loggerParams(loadEnv()) }),
    ThrottlerModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({ throttlers: [{ name: 'default', ttl: 60_000, limit: env.THROTTLE_LIMIT_PER_MINUTE }] }),
    }),
    AppModule,
    HealthModule,
    MetricsModule,
  ],
  providers: [
    // Order matters: throttle first, then authenticate and authorise.
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class ApiModule {}
