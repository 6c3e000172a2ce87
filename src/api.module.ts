import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { ProblemFilter } from './common/errors/problem.filter.js';
import { GracefulHttp } from './http/graceful-http.js';
import { AccessGuard } from './modules/auth/access.guard.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { StatsModule } from './modules/stats/stats.module.js';

/** The HTTP API process: the feature modules plus what only HTTP needs. */
@Module({
  imports: [AppModule, AuthModule, HealthModule, MetricsModule, DocumentsModule, StatsModule],
  providers: [
    GracefulHttp,
    // Rate limiting runs earlier, in Fastify (create-api-app.ts), before any of this.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class ApiModule {}
