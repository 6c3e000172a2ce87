import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock.js';
import { systemContext } from '../../../common/context/request-context.js';
import { DomainError } from '../../../common/errors/domain-error.js';
import { Env } from '../../../config/env.js';
import { JobHandler } from '../../../queue/job-handler.decorator.js';
import { JobName } from '../../../queue/jobs.js';
import { Case } from '../case.entity.js';
import { endAssignment } from '../assignment/case-assignment.service.js';
import { checkExtension } from './case-clock.js';
import { CaseExtension } from './case-extension.entity.js';
import { type VersionedWrite, CaseWriter } from '../case-writer.js';
import { ClockCode } from './clock.codes.js';
import { checkExtensionConsents, refuseDates } from './date-rules.js';
import { ExtensionDto } from './dto/extension.dto.js';

/** The legal clock after acceptance: extensions with both parties' consent, and automatic expiry. */
@Injectable()
export class CaseClockService {
  private readonly logger = new Logger(CaseClockService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: CaseWriter,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  async extend({ actor, id: caseId, version }: VersionedWrite, dto: ExtensionDto): Promise<void> {
    await this.writer.write(actor, caseId, version, 'extend', async (manager, locked, now) => {
      refuseDates(checkExtensionConsents(locked, dto, now));
      const [{ total }]: { total: string | null }[] = await manager.query(
        'SELECT sum(days) AS total FROM case_extensions WHERE case_id = $1',
        [caseId],
      );
      const consent = (at?: string, method?: string): Date | null =>
        at && method ? new Date(at) : null;
      const check = checkExtension({
        deadlineAt: locked.deadlineAt as Date,
        days: dto.days,
        extendedSoFar: Number(total ?? 0),
        capDays: this.env.EXTENSION_CAP_DAYS,
        applicantConsentAt: consent(dto.applicantConsentAt, dto.applicantConsentMethod),
        respondentConsentAt: consent(dto.respondentConsentAt, dto.respondentConsentMethod),
      });
      if (!check.ok) {
        throw check.reason === 'missing_consent'
          ? new DomainError(ClockCode.CaseExtensionNeedsConsent, 'conflict')
          : new DomainError(ClockCode.CaseExtensionOverCap, 'conflict', {
              cap: this.env.EXTENSION_CAP_DAYS,
              used: Number(total ?? 0),
            });
      }
      await manager.insert(CaseExtension, {
        caseId,
        days: dto.days,
        reason: dto.reason,
        previousDeadline: locked.deadlineAt as Date,
        newDeadline: check.newDeadline,
        applicantConsentAt: new Date(dto.applicantConsentAt as string),
        applicantConsentMethod: dto.applicantConsentMethod as string,
        respondentConsentAt: new Date(dto.respondentConsentAt as string),
        respondentConsentMethod: dto.respondentConsentMethod as string,
        recordedBy: actor.user.id,
      });
      return {
        patch: { deadlineAt: check.newDeadline },
        audit: {
          action: 'case.extended',
          before: { deadlineAt: (locked.deadlineAt as Date).toISOString() },
          after: {
            deadlineAt: check.newDeadline.toISOString(),
            days: dto.days,
            reason: dto.reason,
          },
        },
        result: undefined,
      };
    });
  }

  /**
   * Closes every case in mediation whose deadline has passed at `now`: result `expired`, route
   * `court_filing`. Each case is its own transaction (a case written meanwhile is left to the next
   * sweep). Returns the number closed.
   */
  async expireOverdue(now: Date = this.clock.now()): Promise<number> {
    const due: Pick<Case, 'id' | 'version'>[] = await this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .select(['c.id', 'c.version'])
      .where(`c.status = 'in_mediation' AND c.deadlineAt < :now`, { now })
      .orderBy('c.deadlineAt', 'ASC')
      .limit(1_000)
      .getMany();
    let closed = 0;
    for (const c of due) {
      try {
        await this.writer.write(
          systemContext('expiry-sweep'),
          c.id,
          c.version,
          'expire',
          async (manager) => {
            await endAssignment(manager, c.id, now, 'closed');
            return {
              patch: {
                result: 'expired',
                route: 'court_filing',
                closedAt: now,
                closureReason: 'the mediation period ended without an outcome',
              },
              audit: { action: 'case.expired' },
              result: undefined,
            };
          },
        );
        closed += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // Changed meanwhile (an outcome arrived, an extension): the next sweep looks again.
      }
    }
    if (closed > 0) this.logger.log(`Expired ${closed} case(s) past their deadline`);
    return closed;
  }

  @JobHandler(JobName.ExpireOverdueCases)
  async expireJob(): Promise<{ closed: number }> {
    return { closed: await this.expireOverdue() };
  }
}
