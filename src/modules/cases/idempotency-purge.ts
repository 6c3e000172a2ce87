import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler } from '../../queue/job-handler.decorator.js';
import { JobName, JobPayloads } from '../../queue/jobs.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

/**
 * The hourly purge of `Idempotency-Key`s older than IDEMPOTENCY_KEY_TTL_HOURS (scheduled by
 * WorkerSchedules; `created_at` is indexed). A deleted key is free again: a request under it is
 * a first request, written anew. A key being claimed right now is not committed, so not seen.
 */
@Injectable()
export class IdempotencyKeyPurge {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @JobHandler(JobName.PurgeIdempotencyKeys)
  async purgeIdempotencyKeys(
    payload: JobPayloads[JobName.PurgeIdempotencyKeys],
  ): Promise<{ deleted: number }> {
    const hours = Math.max(1, payload.olderThanHours);
    const { affected } = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(IdempotencyKey)
      .where('created_at < now() - make_interval(hours => :hours)', { hours })
      .execute();
    return { deleted: affected ?? 0 };
  }
}
