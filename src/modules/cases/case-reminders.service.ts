import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Actor } from '../../common/context/request-context.js';
import { fieldError, validationFailed } from '../../common/errors/domain-error.js';
import { ValidationCode } from '../../common/i18n/common.codes.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { ReminderView, SmsPreferencesDto } from '../reminders/dto/reminder.dto.js';
import { ReminderScheduler } from '../reminders/reminder-scheduler.js';
import { maskName } from '../reminders/message-templates.js';
import { CaseWriter } from './case-writer.js';
import { CaseRepository } from './case.repository.js';
import { CaseCode } from './cases.codes.js';
import { Party } from './intake/party.entity.js';

type Row = Record<string, unknown>;
const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

/** A case's reminders as its staff see them, and a party's SMS preferences. */
@Injectable()
export class CaseRemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: CaseWriter,
    private readonly cases: CaseRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly reminders: ReminderScheduler,
    private readonly clock: Clock,
  ) {}

  /** Every reminder of the case, the recipient masked (a party: 张某某 138****5678). */
  async list(actor: Actor, caseId: string): Promise<ReminderView[]> {
    await this.cases.findVisible(actor, caseId);
    const rows: Row[] = await this.dataSource.query(
      `SELECT r.*, u.display_name, p.name AS party_name, p.phone_masked, co.name AS court_name
         FROM reminders r
         LEFT JOIN users u ON r.recipient_type = 'user' AND u.id = r.recipient_id
         LEFT JOIN parties p ON r.recipient_type = 'party' AND p.id = r.recipient_id
         LEFT JOIN courts co ON r.recipient_type = 'court' AND co.id = r.recipient_id
        WHERE r.case_id = $1 ORDER BY r.due_at, r.id`,
      [caseId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      kind: r.kind as string,
      recipientType: r.recipient_type as string,
      recipient:
        r.recipient_type === 'user'
          ? ((r.display_name as string | null) ?? 'user')
          : r.recipient_type === 'party'
            ? `${maskName((r.party_name as string | null) ?? '')} ${(r.phone_masked as string | null) ?? ''}`.trim()
            : ((r.court_name as string | null) ?? 'court'),
      channel: r.channel as string,
      dueAt: iso(r.due_at) as string,
      status: r.status as string,
      version: Number(r.version),
      attempts: Number(r.attempts),
      sentAt: iso(r.sent_at),
      latenessMs: r.lateness_ms === null ? null : Number(r.lateness_ms),
      lastError: (r.last_error as string | null) ?? null,
    }));
  }

  /**
   * The clerk of the court or the assigned mediator records a party's SMS opt-out; only the
   * mediator may allow a DV-flagged party's SMS to name the place. The reminders follow at once.
   */
  async setSmsPreferences(actor: Actor, partyId: string, dto: SmsPreferencesDto): Promise<void> {
    if (dto.smsOptOut === undefined && dto.smsDetailsAllowed === undefined)
      throw validationFailed([fieldError('body', ValidationCode.NothingToChange)]);
    const found = await this.cases.partyWithCase(partyId);
    const party = found?.party ?? null;
    const owner = found?.owner ?? null;
    const isMediator =
      actor.user.role === 'mediator' && owner !== null && actor.user.id === owner.mediatorId;
    const allowed =
      owner !== null &&
      ((actor.user.role === 'clerk' && actor.user.courtId === owner.courtId) || isMediator);
    await this.scope.assertVisible(actor, allowed, { type: 'party', id: partyId });
    if (dto.smsDetailsAllowed !== undefined && !isMediator)
      throw validationFailed([
        fieldError('smsDetailsAllowed', CaseCode.ReminderSmsDetailsMediatorOnly),
      ]);
    const p = party as Party;
    await this.writer.amend(actor, p.caseId, async (manager) => {
      await manager.update(
        Party,
        { id: p.id },
        {
          ...(dto.smsOptOut !== undefined ? { smsOptOut: dto.smsOptOut } : {}),
          ...(dto.smsDetailsAllowed !== undefined
            ? { smsDetailsAllowed: dto.smsDetailsAllowed }
            : {}),
        },
      );
      return {
        audit: {
          action: 'party.sms_preferences_changed',
          entityType: 'party',
          entityId: p.id,
          before: { smsOptOut: p.smsOptOut, smsDetailsAllowed: p.smsDetailsAllowed },
          after: { ...dto },
        },
        result: undefined,
      };
    });
  }
}
