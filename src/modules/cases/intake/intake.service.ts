import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, RequestContext } from '../../../common/context/request-context.js';
import { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { conflict, fieldError, validationFailed } from '../../../common/errors/domain-error.js';
import { Case } from '../case.entity.js';
import { CaseConsent } from './case-consent.entity.js';
import { CaseScreening } from './case-screening.entity.js';
import type { CaseAction } from '../case-status.js';
import { CaseWriter } from '../case-writer.js';
import { ConsentDto, ReasonDto, ScreeningDto } from '../dto/case-writes.dto.js';
import { Party } from './party.entity.js';
import { checkConsent, refuseDates } from '../clock/date-rules.js';

const HOUR = 3_600_000;

/** Consent, screening, referral and withdrawal: the steps before a mediator takes the case. */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: CaseWriter,
    private readonly cipher: FieldCipher,
  ) {}

  /** A refusal closes the case at once: result `refused`, route `court_filing`. */
  async recordConsent(
    ctx: RequestContext,
    user: AuthUser,
    caseId: string,
    version: number,
    dto: ConsentDto,
  ): Promise<void> {
    const action: CaseAction = dto.decision === 'refused' ? 'refuse_consent' : 'record_consent';
    await this.writer.write(ctx, user, caseId, version, action, async (manager, current, now) => {
      refuseDates(checkConsent(current, dto.recordedAt, now));
      await this.partyOf(manager, caseId, dto.partyId);
      await manager.upsert(
        CaseConsent,
        {
          caseId,
          partyId: dto.partyId,
          decision: dto.decision,
          method: dto.method,
          decidedAt: new Date(dto.recordedAt),
          recordedBy: user.id,
        },
        ['partyId'],
      );
      const refused = dto.decision === 'refused';
      return {
        patch: refused
          ? {
              result: 'refused',
              route: 'court_filing',
              closedAt: now,
              closureReason: 'a party refused mediation',
            }
          : {},
        audit: {
          action: refused ? 'case.consent_refused' : 'case.consent_recorded',
          after: { partyId: dto.partyId, decision: dto.decision, method: dto.method },
        },
        result: undefined,
      };
    });
  }

  /**
   * Any DV indicator flags the case. `not_suitable` closes it (result `unsuitable`, route
   * `court_filing`). A protection-order referral records when the court must rule: 24 h if urgent,
   * else 72 h.
   */
  async recordScreening(
    ctx: RequestContext,
    user: AuthUser,
    caseId: string,
    version: number,
    dto: ScreeningDto,
  ): Promise<void> {
    const unsuitable = dto.recommendation === 'not_suitable';
    await this.writer.write(
      ctx,
      user,
      caseId,
      version,
      unsuitable ? 'mark_unsuitable' : 'record_screening',
      async (manager, current, now) => {
        await this.partyOf(manager, caseId, dto.partyId);
        const answers = { ...dto.answers };
        const dvIndicator = Object.values(answers).some(Boolean);
        const referral = dto.protectionOrderReferral;
        const referredAt = referral ? new Date(referral.referredAt) : null;
        await manager.upsert(
          CaseScreening,
          {
            caseId,
            partyId: dto.partyId,
            answersEncrypted: this.cipher.encrypt(
              JSON.stringify({ answers, notes: dto.notes ?? null }),
            ),
            dvIndicator,
            recommendation: dto.recommendation,
            protectionOrderReferredAt: referredAt,
            protectionOrderUrgent: referral ? referral.urgent : null,
            protectionOrderRulingDueAt: referredAt
              ? new Date(referredAt.getTime() + (referral?.urgent ? 24 : 72) * HOUR)
              : null,
            screenedAt: now,
            recordedBy: user.id,
          },
          ['partyId'],
        );
        const dvFlag = current.dvFlag || dvIndicator;
        return {
          patch: {
            dvFlag,
            ...(unsuitable
              ? {
                  result: 'unsuitable',
                  route: 'court_filing',
                  closedAt: now,
                  closureReason: 'screening: not suitable for mediation',
                }
              : {}),
          },
          // The answers are DV details: the audit trail records that a screening happened, not what it said.
          audit: {
            action: unsuitable ? 'case.closed_unsuitable' : 'case.screening_recorded',
            after: {
              partyId: dto.partyId,
              recommendation: dto.recommendation,
              dvFlag,
              protectionOrderReferral: Boolean(referral),
            },
          },
          result: undefined,
        };
      },
    );
  }

  /** received → referred, once every party has consented and been screened. */
  async refer(ctx: RequestContext, user: AuthUser, caseId: string, version: number): Promise<void> {
    await this.writer.write(ctx, user, caseId, version, 'refer', async (manager) => {
      // One transaction is one connection: its queries run one after the other.
      const parties = await manager.findBy(Party, { caseId });
      const consents = await manager.findBy(CaseConsent, { caseId });
      const screenings = await manager.findBy(CaseScreening, { caseId });
      // The clerk who refers sees the parties by name: the message names them too.
      const unconsented = parties
        .filter((p) => !consents.some((c) => c.partyId === p.id && c.decision === 'consented'))
        .map((p) => p.name);
      const unscreened = parties
        .filter((p) => !screenings.some((s) => s.partyId === p.id))
        .map((p) => p.name);
      if (unconsented.length > 0 || unscreened.length > 0) {
        const context =
          unscreened.length === 0 ? 'consent' : unconsented.length === 0 ? 'screening' : undefined;
        throw conflict('CASE.REFERRAL_PRECONDITIONS', { unconsented, unscreened, context });
      }
      return { audit: { action: 'case.referred' }, result: undefined };
    });
  }

  /** The applicant withdraws, at any open stage. */
  async withdraw(
    ctx: RequestContext,
    user: AuthUser,
    caseId: string,
    version: number,
    dto: ReasonDto,
  ): Promise<void> {
    await this.writer.write(
      ctx,
      user,
      caseId,
      version,
      'withdraw',
      async (_manager, _current, now) => ({
        patch: { result: 'withdrawn', route: 'none', closedAt: now, closureReason: dto.reason },
        audit: { action: 'case.withdrawn', after: { reason: dto.reason } },
        result: undefined,
      }),
    );
  }

  private async partyOf(manager: EntityManager, caseId: string, partyId: string): Promise<Party> {
    const party = await manager.findOneBy(Party, { id: partyId, caseId });
    if (!party) throw validationFailed([fieldError('partyId', 'CASE.NOT_A_PARTY')]);
    return party;
  }
}

export type { Case };
