import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler } from '../../queue/job-handler.decorator.js';
import { JobName, JobPayloads } from '../../queue/jobs.js';

/** The daily purge of sessions that ended long ago (scheduled by WorkerSchedules). */
@Injectable()
export class SessionPurge {
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
}
