import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../../common/clock.js';
import type { Actor } from '../../../common/context/request-context.js';
import { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { conflict, fieldError, validationFailed } from '../../../common/errors/domain-error.js';
import type { JsonObject } from '../../../common/json.js';
import { AuditService } from '../../audit/audit.service.js';
import { Court } from '../../courts/court.entity.js';
import { Region } from '../../regions/region.entity.js';
import { Case } from '../case.entity.js';
import { caseDetailOf } from '../case-detail.js';
import type { CaseAction } from '../case-status.js';
import { type VersionedWrite, CaseWriter } from '../case-writer.js';
import { CaseCode } from '../cases.codes.js';
import { checkConsent, refuseDates } from '../clock/date-rules.js';
import { shanghaiDate } from '../clock/case-clock.js';
import type { CaseDetailView } from '../dto/case.view.js';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from '../idempotency.js';
import { CaseChild } from './case-child.entity.js';
import { CaseConsent } from './case-consent.entity.js';
import { CASE_TYPE_DESIGNATORS, formatCaseNumber, nextCaseSequence } from './case-numbering.js';
import { CaseScreening } from './case-screening.entity.js';
import { ConsentDto, ScreeningDto } from './dto/intake.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';
import { IntakeCode } from './intake.codes.js';
import { checkParties, partyColumns } from './party-columns.js';
import { Party } from './party.entity.js';

const HOUR = 3_600_000;

/** Intake: the referral recorded, each party's consent and screening, then referral to mediation. */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: CaseWriter,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A clerk records a referral from her own court. `idempotencyKey` replays the first response. */
  async create(actor: Actor, dto: CreateCaseDto, idempotencyKey?: string): Promise<CaseDetailView> {
    const clerk = actor.user;
    checkParties(dto.parties);
    return this.dataSource.transaction(async (manager) => {
      if (idempotencyKey) {
        const replay = await claimIdempotencyKey(
          manager,
          clerk.id,
          idempotencyKey,
          requestHash(dto),
        );
        if (replay) return replay.response as unknown as CaseDetailView;
      }
      const court = await manager.findOne(Court, {
        where: { id: clerk.courtId ?? '' },
        relations: { region: true },
      });
      const region = await manager.findOneBy(Region, { id: dto.regionId });
      if (!court?.region)
        throw validationFailed([fieldError('courtId', IntakeCode.CaseAccountWithoutCourt)]);
      if (!region || region.level !== 'village' || !region.path.startsWith(court.region.path)) {
        throw validationFailed([fieldError('regionId', IntakeCode.CaseVillageOutsideJurisdiction)]);
      }
      // A party's village is named like the case's: one of the court's own (or none).
      const jurisdiction = court.region.path;
      const partyVillages = [
        ...new Set(dto.parties.flatMap((p) => (p.regionId ? [p.regionId] : []))),
      ];
      const known = partyVillages.length
        ? await manager.findBy(
            Region,
            partyVillages.map((id) => ({ id })),
          )
        : [];
      const badVillages = dto.parties.flatMap((p, i) => {
        const village = known.find((r) => r.id === p.regionId);
        return p.regionId &&
          !(village?.level === 'village' && village.path.startsWith(jurisdiction))
          ? [fieldError(`parties.${i}.regionId`, IntakeCode.CaseVillageOutsideJurisdiction)]
          : [];
      });
      if (badVillages.length > 0) throw validationFailed(badVillages);
      if (
        dto.courtReference &&
        (await manager.existsBy(Case, { courtId: court.id, courtReference: dto.courtReference }))
      ) {
        throw conflict(CaseCode.DuplicateCourtReference);
      }
      const year = Number(shanghaiDate(this.clock.now()).slice(0, 4));
      const caseType = CASE_TYPE_DESIGNATORS[dto.mediationKind];
      const sequence = await nextCaseSequence(manager, court.id, caseType, year);
      const created = await manager.save(
        manager.create(Case, {
          caseNumber: formatCaseNumber(year, court.designator, caseType, sequence),
          courtId: court.id,
          year,
          sequence,
          courtReference: dto.courtReference ?? null,
          mediationKind: dto.mediationKind,
          disputeType: dto.disputeType,
          source: dto.source,
          summary: dto.summary,
          claims: dto.claims,
          receivedAt: new Date(dto.receivedAt),
          regionId: region.id,
          regionPath: region.path,
          status: 'received',
          dvFlag: false,
          createdBy: clerk.id,
        }),
      );
      const parties = await manager.save(
        dto.parties.map((p) => manager.create(Party, partyColumns(this.cipher, created.id, p))),
      );
      const children = await manager.save(
        (dto.children ?? []).map((c) => manager.create(CaseChild, { ...c, caseId: created.id })),
      );
      const view = caseDetailOf(this.cipher, this.clock.now(), created, {
        parties,
        children,
        consents: [],
        screenings: [],
      });
      await this.audit.record(manager, actor, {
        action: 'case.created',
        entityType: 'case',
        entityId: created.id,
        caseId: created.id,
        regionPath: created.regionPath,
        after: {
          caseNumber: created.caseNumber,
          status: 'received',
          parties: parties.length,
          children: children.length,
        },
      });
      if (idempotencyKey) {
        await storeIdempotentResponse(
          manager,
          clerk.id,
          idempotencyKey,
          201,
          view as unknown as JsonObject,
        );
      }
      return view;
    });
  }

  /** A refusal closes the case at once: result `refused`, route `court_filing`. */
  async recordConsent(
    { actor, id: caseId, version }: VersionedWrite,
    dto: ConsentDto,
  ): Promise<void> {
    const action: CaseAction = dto.decision === 'refused' ? 'refuse_consent' : 'record_consent';
    await this.writer.write(actor, caseId, version, action, async (manager, current, now) => {
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
          recordedBy: actor.user.id,
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
    { actor, id: caseId, version }: VersionedWrite,
    dto: ScreeningDto,
  ): Promise<void> {
    const unsuitable = dto.recommendation === 'not_suitable';
    await this.writer.write(
      actor,
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
            recordedBy: actor.user.id,
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
  async refer({ actor, id: caseId, version }: VersionedWrite): Promise<void> {
    await this.writer.write(actor, caseId, version, 'refer', async (manager) => {
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
        throw conflict(IntakeCode.CaseReferralPreconditions, { unconsented, unscreened, context });
      }
      return { audit: { action: 'case.referred' }, result: undefined };
    });
  }

  private async partyOf(manager: EntityManager, caseId: string, partyId: string): Promise<Party> {
    const party = await manager.findOneBy(Party, { id: partyId, caseId });
    if (!party) throw validationFailed([fieldError('partyId', IntakeCode.CaseNotAParty)]);
    return party;
  }
}

export type { Case };
