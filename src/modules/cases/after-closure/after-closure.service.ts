import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict, fieldError, validationFailed } from '../../../common/errors/domain-error.js';
import type { Case } from '../case.entity.js';
import { type VersionedWrite, CaseWriter } from '../case-writer.js';
import { shanghaiDate } from '../clock/case-clock.js';
import { checkFollowUpVisit, refuseDates } from '../clock/date-rules.js';
import { IntakeCode } from '../intake/intake.codes.js';
import { Party } from '../intake/party.entity.js';
import { AfterClosureCode } from './after-closure.codes.js';
import { CaseFollowUp, type FollowUpKind } from './case-follow-up.entity.js';
import { CaseTracking } from './case-tracking.entity.js';
import {
  CourtFilingDto,
  FollowUpDto,
  JudicialConfirmationDto,
  RegistryDivorceDto,
} from './dto/after-closure.dto.js';
import { courtFilingViolations, judicialConfirmationViolations } from './tracking-dates.js';
import { registryCertificateViolations } from './tracking-deadlines.js';

const DAY = 86_400_000;
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

/**
 * On closure: 30 and 90 days after a settlement (`settled`, as outcome-routes.ts says which results
 * are); 7 days after closure for a DV-flagged case.
 */
export async function scheduleFollowUps(
  manager: EntityManager,
  c: Case,
  settled: boolean,
  now: Date,
): Promise<void> {
  const today = shanghaiDate(now);
  const due: [FollowUpKind, number][] = [];
  if (c.dvFlag) due.push(['dv_7', 7]);
  if (settled) due.push(['settlement_30', 30], ['settlement_90', 90]);
  if (due.length > 0) {
    await manager.insert(
      CaseFollowUp,
      due.map(([kind, days]) => ({ caseId: c.id, kind, dueOn: addDays(today, days) })),
    );
  }
}

/** After closure: court filing, judicial confirmation, registry divorce, and follow-up visits. */
@Injectable()
export class AfterClosureService {
  constructor(private readonly writer: CaseWriter) {}

  /** The clerk records court filing (立案) or the court's mediation document. */
  async courtFiling(
    { actor, id: caseId, version }: VersionedWrite,
    dto: CourtFilingDto,
  ): Promise<void> {
    await this.track(
      { actor, id: caseId, version },
      'record_court_filing',
      ['court_filing', 'court_mediation_document'],
      async (manager, now) => {
        refuseDates(courtFilingViolations(dto.filedAt, now));
        await manager.upsert(
          CaseTracking,
          { caseId, courtCaseNumber: dto.courtCaseNumber, filedAt: new Date(dto.filedAt) },
          ['caseId'],
        );
        return {
          action: 'case.court_filing_recorded',
          after: { courtCaseNumber: dto.courtCaseNumber, filedAt: dto.filedAt },
        };
      },
    );
  }

  async judicialConfirmation(
    { actor, id: caseId, version }: VersionedWrite,
    dto: JudicialConfirmationDto,
  ): Promise<void> {
    await this.track(
      { actor, id: caseId, version },
      'record_judicial_confirmation',
      ['judicial_confirmation'],
      async (manager, now) => {
        refuseDates(judicialConfirmationViolations(dto, now));
        await manager.upsert(
          CaseTracking,
          {
            caseId,
            jcAppliedAt: new Date(dto.appliedAt),
            jcAcceptedAt: dto.acceptedAt ? new Date(dto.acceptedAt) : null,
            jcDecidedAt: dto.decidedAt ? new Date(dto.decidedAt) : null,
            jcResult: dto.result ?? null,
            jcRulingNumber: dto.rulingNumber ?? null,
          },
          ['caseId'],
        );
        const { version: _v, ...after } = dto;
        return { action: 'case.judicial_confirmation_recorded', after };
      },
    );
  }

  async registryDivorce(
    { actor, id: caseId, version }: VersionedWrite,
    dto: RegistryDivorceDto,
  ): Promise<void> {
    if (dto.certificateAt) {
      const violations = registryCertificateViolations(
        new Date(dto.appliedAt),
        new Date(dto.certificateAt),
      );
      if (violations.length > 0) throw validationFailed(violations);
    }
    await this.track(
      { actor, id: caseId, version },
      'record_court_filing',
      ['registry_divorce'],
      async (manager) => {
        await manager.upsert(
          CaseTracking,
          {
            caseId,
            registryAppliedAt: new Date(dto.appliedAt),
            registryCertificateAt: dto.certificateAt ? new Date(dto.certificateAt) : null,
          },
          ['caseId'],
        );
        return {
          action: 'case.registry_divorce_recorded',
          after: { appliedAt: dto.appliedAt, certificateAt: dto.certificateAt ?? null },
        };
      },
    );
  }

  /** Schedule an ad-hoc visit (`dueOn`), or record a visit (scheduled by id, or ad hoc). */
  async followUp({ actor, id: caseId, version }: VersionedWrite, dto: FollowUpDto): Promise<void> {
    const recording = dto.visitedAt !== undefined;
    if (!recording && !dto.dueOn)
      throw validationFailed([fieldError('dueOn', AfterClosureCode.FollowUpDueOrVisited)]);
    if (recording && (!dto.performance || !dto.satisfaction)) {
      throw validationFailed([
        fieldError('performance', AfterClosureCode.FollowUpPerformanceRequired),
      ]);
    }
    await this.writer.write(
      actor,
      caseId,
      version,
      'record_follow_up',
      async (manager, locked, now) => {
        if (recording) refuseDates(checkFollowUpVisit(locked, dto.visitedAt as string, now));
        if (dto.partyId && !(await manager.existsBy(Party, { id: dto.partyId, caseId })))
          throw validationFailed([fieldError('partyId', IntakeCode.CaseNotAParty)]);
        const visit = recording
          ? {
              visitedAt: new Date(dto.visitedAt as string),
              partyId: dto.partyId ?? null,
              performance: dto.performance ?? null,
              satisfaction: dto.satisfaction ?? null,
              riskSigns: dto.riskSigns ?? null,
              measures: dto.measures ?? null,
              visitedBy: actor.user.id,
            }
          : {};
        if (dto.followUpId) {
          const updated = await manager.update(CaseFollowUp, { id: dto.followUpId, caseId }, visit);
          if (updated.affected !== 1)
            throw validationFailed([fieldError('followUpId', AfterClosureCode.CaseNotAFollowUp)]);
        } else {
          await manager.insert(CaseFollowUp, {
            caseId,
            kind: 'ad_hoc',
            dueOn: dto.dueOn ?? shanghaiDate(now),
            ...visit,
          });
        }
        return {
          audit: {
            action: recording ? 'case.follow_up_recorded' : 'case.follow_up_scheduled',
            after: {
              performance: dto.performance ?? null,
              satisfaction: dto.satisfaction ?? null,
              dueOn: dto.dueOn ?? null,
            },
          },
          result: undefined,
        };
      },
    );
  }

  private async track(
    { actor, id: caseId, version }: VersionedWrite,
    action: 'record_court_filing' | 'record_judicial_confirmation',
    routes: string[],
    change: (
      manager: EntityManager,
      now: Date,
    ) => Promise<{ action: string; after: Record<string, unknown> }>,
  ): Promise<void> {
    await this.writer.write(actor, caseId, version, action, async (manager, locked, now) => {
      if (!routes.includes(locked.route ?? '')) {
        throw conflict(AfterClosureCode.CaseWrongRoute, { route: locked.route, expected: routes });
      }
      const { action: audited, after } = await change(manager, now);
      return { audit: { action: audited, after }, result: undefined };
    });
  }
}
