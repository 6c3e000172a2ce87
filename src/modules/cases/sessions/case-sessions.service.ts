import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, Actor } from '../../../common/context/request-context.js';
import { DomainError, fieldError, validationFailed } from '../../../common/errors/domain-error.js';
import type { JsonObject } from '../../../common/json.js';
import { ValidationCode } from '../../../common/i18n/common.codes.js';
import { ScopeService } from '../../../common/scope/scope.service.js';
import { CaseScreening } from '../intake/case-screening.entity.js';
import { CaseSession } from './case-session.entity.js';
import { type VersionedWrite, CaseWriter } from '../case-writer.js';
import { CaseRepository } from '../case.repository.js';
import type { Case } from '../case.entity.js';
import {
  checkSessionRecord,
  checkSessionSchedule,
  heldEarlierThanPlanned,
  refuseDates,
} from '../clock/date-rules.js';
import {
  RecordSessionDto,
  RescheduleSessionDto,
  ScheduleSessionDto,
  SessionView,
} from './dto/session.dto.js';
import { SessionCode } from './sessions.codes.js';

const MINUTE = 60_000;

/** The session as a user may see it: clerks never see the record's content (mediation is confidential). */
export function sessionView(s: CaseSession, user: AuthUser, warnings: string[] = []): SessionView {
  return {
    id: s.id,
    caseId: s.caseId,
    scheduledAt: s.scheduledAt.toISOString(),
    durationMinutes: s.durationMinutes,
    location: s.location,
    mode: s.mode,
    format: s.format,
    status: s.status,
    cancelReason: s.cancelReason,
    recorded: s.record !== null,
    record: user.role === 'clerk' ? null : s.record,
    warnings,
  };
}

/** Sessions of a case in mediation, by its assigned mediator. */
@Injectable()
export class CaseSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: CaseWriter,
    private readonly cases: CaseRepository,
    private readonly scope: ScopeService,
  ) {}

  async list(actor: Actor, caseId: string): Promise<SessionView[]> {
    await this.cases.findVisible(actor, caseId);
    const sessions = await this.dataSource
      .getRepository(CaseSession)
      .find({ where: { caseId }, order: { scheduledAt: 'ASC' } });
    return sessions.map((s) => sessionView(s, actor.user));
  }

  async schedule(
    { actor, id: caseId, version }: VersionedWrite,
    dto: ScheduleSessionDto,
  ): Promise<SessionView> {
    return this.writer.write(actor, caseId, version, 'schedule_session', async (manager, c) => {
      refuseDates(checkSessionSchedule(c, dto.scheduledAt));
      await this.assertFormatAllowed(manager, caseId, dto.format);
      const session = await manager.save(
        manager.create(CaseSession, {
          caseId,
          mediatorId: actor.user.id,
          scheduledAt: new Date(dto.scheduledAt),
          durationMinutes: dto.durationMinutes ?? 60,
          location: dto.location,
          mode: dto.mode,
          format: dto.format,
          status: 'scheduled',
        }),
      );
      const warnings = await this.overlaps(manager, session);
      return {
        audit: {
          action: 'session.scheduled',
          after: {
            sessionId: session.id,
            scheduledAt: dto.scheduledAt,
            mode: dto.mode,
            format: dto.format,
          },
        },
        result: sessionView(session, actor.user, warnings),
      };
    });
  }

  async reschedule(
    { actor, id: sessionId, version }: VersionedWrite,
    dto: RescheduleSessionDto,
  ): Promise<SessionView> {
    const { version: _v, ...sent } = dto;
    // Only the fields sent: the DTO instance also carries the absent ones as undefined.
    const changes = Object.fromEntries(
      Object.entries(sent).filter(([, value]) => value !== undefined),
    ) as Omit<RescheduleSessionDto, 'version'>;
    if (Object.keys(changes).length === 0)
      throw validationFailed([fieldError('body', ValidationCode.NothingToChange)]);
    return this.onSession({ actor, id: sessionId, version }, async (manager, session, c) => {
      if (session.status !== 'scheduled')
        throw new DomainError(SessionCode.NotScheduled, 'conflict', { status: session.status });
      if (changes.scheduledAt) refuseDates(checkSessionSchedule(c, changes.scheduledAt));
      if (changes.format) await this.assertFormatAllowed(manager, session.caseId, changes.format);
      const before = { scheduledAt: session.scheduledAt.toISOString(), location: session.location };
      Object.assign(session, {
        ...changes,
        ...(changes.scheduledAt ? { scheduledAt: new Date(changes.scheduledAt) } : {}),
      });
      const saved = await manager.save(session);
      return {
        action: 'session.rescheduled',
        before,
        after: { ...changes },
        view: sessionView(saved, actor.user, await this.overlaps(manager, saved)),
      };
    });
  }

  async record(
    { actor, id: sessionId, version }: VersionedWrite,
    dto: RecordSessionDto,
  ): Promise<SessionView> {
    return this.onSession({ actor, id: sessionId, version }, async (manager, session, c, now) => {
      if (session.status === 'cancelled') throw new DomainError(SessionCode.Cancelled, 'conflict');
      refuseDates(checkSessionRecord(c, dto.startedAt, dto.endedAt, now));
      const { version: _v, ...record } = dto;
      // Held earlier than planned: the session's time is when it was held, and the timeline says so.
      const earlier = heldEarlierThanPlanned(session.scheduledAt, dto.startedAt);
      if (earlier) session.scheduledAt = earlier.scheduledAt;
      session.status = 'held';
      session.record = JSON.parse(JSON.stringify(record)) as JsonObject;
      session.recordedAt = now;
      const saved = await manager.save(session);
      // The 笔录 is confidential: the audit trail says it was recorded, not what it says.
      return {
        action: 'session.recorded',
        ...(earlier ? { before: { scheduledAt: earlier.previousScheduledAt.toISOString() } } : {}),
        after: {
          sessionId,
          ...(earlier
            ? {
                heldEarlierThanPlanned: true,
                previousScheduledAt: earlier.previousScheduledAt.toISOString(),
                scheduledAt: earlier.scheduledAt.toISOString(),
              }
            : {}),
        },
        view: sessionView(saved, actor.user),
      };
    });
  }

  async close(
    { actor, id: sessionId, version }: VersionedWrite,
    kind: 'cancelled' | 'no_show',
    reason?: string,
  ): Promise<SessionView> {
    return this.onSession({ actor, id: sessionId, version }, async (manager, session) => {
      if (session.status !== 'scheduled')
        throw new DomainError(SessionCode.NotScheduled, 'conflict', { status: session.status });
      session.status = kind;
      session.cancelReason = reason ?? null;
      const saved = await manager.save(session);
      return {
        action: kind === 'cancelled' ? 'session.cancelled' : 'session.no_show',
        after: { sessionId, reason: reason ?? null },
        view: sessionView(saved, actor.user),
      };
    });
  }

  /** A session write is a case write: the case's version guards it and its timeline records it. */
  private async onSession(
    { actor, id: sessionId, version }: VersionedWrite,
    change: (
      manager: EntityManager,
      session: CaseSession,
      locked: Case,
      now: Date,
    ) => Promise<{
      action: string;
      before?: Record<string, unknown>;
      after: Record<string, unknown>;
      view: SessionView;
    }>,
  ): Promise<SessionView> {
    const session = await this.dataSource.getRepository(CaseSession).findOneBy({ id: sessionId });
    if (!session) {
      await this.scope.assertVisible(actor, false, { type: 'session', id: sessionId });
    }
    const caseId = (session as CaseSession).caseId;
    return this.writer.write(
      actor,
      caseId,
      version,
      'record_session',
      async (manager, locked, now) => {
        const current = await manager.findOneByOrFail(CaseSession, { id: sessionId });
        const { action, before, after, view } = await change(manager, current, locked, now);
        return { audit: { action, before, after }, result: view };
      },
      { type: 'session', id: sessionId },
    );
  }

  /** Shuttle (背对背) screening means separate rooms: a joint session is refused. */
  private async assertFormatAllowed(
    manager: EntityManager,
    caseId: string,
    format: string,
  ): Promise<void> {
    if (format !== 'joint') return;
    const shuttle = await manager.existsBy(CaseScreening, { caseId, recommendation: 'shuttle' });
    if (shuttle) {
      throw new DomainError(SessionCode.JointNotAllowed, 'conflict');
    }
  }

  private async overlaps(manager: EntityManager, s: CaseSession): Promise<string[]> {
    const end = new Date(s.scheduledAt.getTime() + s.durationMinutes * MINUTE);
    const clashes: { id: string; scheduled_at: Date }[] = await manager.query(
      `SELECT id, scheduled_at FROM case_sessions
        WHERE mediator_id = $1 AND id <> $2 AND status = 'scheduled'
          AND scheduled_at < $4 AND scheduled_at + make_interval(mins => duration_minutes) > $3`,
      [s.mediatorId, s.id, s.scheduledAt, end],
    );
    return clashes.map((c) => `overlaps your session ${c.id} at ${c.scheduled_at.toISOString()}`);
  }
}
