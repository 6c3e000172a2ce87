import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { verifyAuditTrail } from '../modules/audit/audit-verifier.js';
import { JobHandler } from './job-handler.decorator.js';
import { JobName, JobPayloads } from './jobs.js';

/** Housekeeping jobs, scheduled by the worker (see WorkerSchedules). */
@Injectable()
export class MaintenanceHandlers {
  private readonly logger = new Logger(MaintenanceHandlers.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @JobHandler(JobName.PurgeSessions)
  async purgeSessions(payload: JobPayloads[JobName.PurgeSessions]): Promise<{ deleted: number }> {
    const days = Math.max(1, payload.olderThanDays);
    const rows: unknown[] = await this.dataSource.query(
      `DELETE FROM auth_sessions
        WHERE (revoked_at IS NOT NULL AND revoked_at < now() - make_interval(days => $1))
           OR expires_at < now() - make_interval(days => $1)
       RETURNING id`,
      [days],
    );
    return { deleted: rows.length };
  }

  @JobHandler(JobName.VerifyAuditChain)
  async verifyAuditChain(): Promise<{ ok: boolean; checked: number }> {
    const verdict = await verifyAuditTrail(this.dataSource);
    if (!verdict.ok)
      this.logger.error(`Audit chain broken at row ${verdict.brokenAt}: ${verdict.reason}`);
    return { ok: verdict.ok, checked: verdict.checked };
  }
}
