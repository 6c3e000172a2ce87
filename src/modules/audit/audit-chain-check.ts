import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler } from '../../queue/job-handler.decorator.js';
import { JobName } from '../../queue/jobs.js';
import { verifyAuditTrail } from './audit-verifier.js';

/** The nightly re-verification of the hash chain (scheduled by WorkerSchedules). */
@Injectable()
export class AuditChainCheck {
  private readonly logger = new Logger(AuditChainCheck.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @JobHandler(JobName.VerifyAuditChain)
  async verifyAuditChain(): Promise<{ ok: boolean; checked: number }> {
    const verdict = await verifyAuditTrail(this.dataSource);
    if (!verdict.ok)
      this.logger.error(`Audit chain broken at row ${verdict.brokenAt}: ${verdict.reason}`);
    return { ok: verdict.ok, checked: verdict.checked };
  }
}
