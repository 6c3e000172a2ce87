// How a case's detail is put together: the case and its intake (parties, children, consents,
// screenings), then each later stage's records.
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/context/request-context.js';
import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import { mayRead, type DocumentType } from '../documents/document-types.js';
import { CaseAssignment } from './assignment/case-assignment.entity.js';
import { CaseExtension } from './clock/case-extension.entity.js';
import { CaseFollowUp } from './after-closure/case-follow-up.entity.js';
import { CaseOutcome } from './outcome/case-outcome.entity.js';
import { CaseSession } from './sessions/case-session.entity.js';
import { sessionView } from './sessions/case-sessions.service.js';
import { CaseTracking } from './after-closure/case-tracking.entity.js';
import { type TrackingState, trackingView } from './after-closure/tracking-deadlines.js';
import type { Case } from './case.entity.js';
import {
  type CaseDetailView,
  CaseSummaryView,
  ChildView,
  ConsentView,
  PartyView,
  partyNamesOf,
  ScreeningView,
} from './dto/case.view.js';
import type { CaseChild } from './intake/case-child.entity.js';
import type { CaseConsent } from './intake/case-consent.entity.js';
import type { CaseScreening } from './intake/case-screening.entity.js';
import type { Party } from './intake/party.entity.js';
import type { SessionView } from './sessions/dto/session.dto.js';

/** What intake recorded about a case. */
export interface IntakeRecords {
  parties: Party[];
  children: CaseChild[];
  consents: CaseConsent[];
  screenings: CaseScreening[];
}

/** The case and its intake records as the detail shows them (screenings decrypted). */
export function caseDetailOf(
  cipher: FieldCipher,
  now: Date,
  c: Case,
  { parties, children, consents, screenings }: IntakeRecords,
): CaseDetailView {
  return {
    ...CaseSummaryView.of(c, now, partyNamesOf(parties)),
    summary: c.summary,
    claims: c.claims,
    closureReason: c.closureReason,
    parties: parties.map(PartyView.of),
    children: children.map(ChildView.of),
    consents: consents.map(ConsentView.of),
    screenings: screenings.map((s) => ScreeningView.of(cipher, s)),
  };
}

/** Each later stage's records of a case: assignment, clock, sessions, outcome, after closure. */
export interface StageRecords {
  assignments: {
    mediatorId: string;
    assignedAt: string;
    acceptedAt: string | null;
    endedAt: string | null;
    endReason: string | null;
  }[];
  extensions: { days: number; reason: string; previousDeadline: string; newDeadline: string }[];
  sessions: SessionView[];
  outcomes: {
    result: string;
    route: string;
    agreement: object | null;
    notes: string | null;
    submittedAt: string;
    reviewDecision: string | null;
    reviewComment: string | null;
  }[];
  tracking: TrackingState | null;
  documents: {
    id: string;
    type: string;
    title: string;
    version: number;
    issuedAt: string;
    supersededAt: string | null;
  }[];
  followUps: {
    id: string;
    kind: string;
    dueOn: string;
    visitedAt: string | null;
    performance: string | null;
    satisfaction: number | null;
  }[];
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** The later stages' records, as the user may see them (clerks never see session records). */
export async function stageRecords(
  dataSource: DataSource,
  caseId: string,
  user: AuthUser,
  now: Date,
): Promise<StageRecords> {
  const [assignments, extensions, sessions, outcomes, tracking, followUps, documents] =
    await Promise.all([
      dataSource
        .getRepository(CaseAssignment)
        .find({ where: { caseId }, order: { assignedAt: 'ASC' } }),
      dataSource
        .getRepository(CaseExtension)
        .find({ where: { caseId }, order: { createdAt: 'ASC' } }),
      dataSource
        .getRepository(CaseSession)
        .find({ where: { caseId }, order: { scheduledAt: 'ASC' } }),
      dataSource
        .getRepository(CaseOutcome)
        .find({ where: { caseId }, order: { submittedAt: 'ASC' } }),
      dataSource.getRepository(CaseTracking).findOneBy({ caseId }),
      dataSource.getRepository(CaseFollowUp).find({ where: { caseId }, order: { dueOn: 'ASC' } }),
      dataSource.query(
        `SELECT id, type, title, version, issued_at, superseded_at FROM documents
       WHERE case_id = $1 ORDER BY issued_at, version`,
        [caseId],
      ) as Promise<
        {
          id: string;
          type: DocumentType;
          title: string;
          version: number;
          issued_at: Date;
          superseded_at: Date | null;
        }[]
      >,
    ]);
  return {
    assignments: assignments.map((a) => ({
      mediatorId: a.mediatorId,
      assignedAt: a.assignedAt.toISOString(),
      acceptedAt: iso(a.acceptedAt),
      endedAt: iso(a.endedAt),
      endReason: a.endReason,
    })),
    extensions: extensions.map((e) => ({
      days: e.days,
      reason: e.reason,
      previousDeadline: e.previousDeadline.toISOString(),
      newDeadline: e.newDeadline.toISOString(),
    })),
    sessions: sessions.map((s) => sessionView(s, user)),
    outcomes: outcomes.map((o) => ({
      result: o.result,
      route: o.route,
      agreement: o.agreement,
      notes: o.notes,
      submittedAt: o.submittedAt.toISOString(),
      reviewDecision: o.reviewDecision,
      reviewComment: o.reviewComment,
    })),
    tracking: tracking ? trackingView(tracking, now) : null,
    documents: documents
      .filter((d) => mayRead(d.type, user.role))
      .map((d) => ({
        id: d.id,
        type: d.type,
        title: d.title,
        version: d.version,
        issuedAt: d.issued_at.toISOString(),
        supersededAt: iso(d.superseded_at),
      })),
    followUps: followUps.map((f) => ({
      id: f.id,
      kind: f.kind,
      dueOn: f.dueOn,
      visitedAt: iso(f.visitedAt),
      performance: f.performance,
      satisfaction: f.satisfaction,
    })),
  };
}
