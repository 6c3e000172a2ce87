import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/context/request-context.js';
import { mayRead, type DocumentType } from '../documents/document-types.js';
import { CaseAssignment } from './assignment/case-assignment.entity.js';
import { CaseExtension } from './clock/case-extension.entity.js';
import { CaseFollowUp } from './after-closure/case-follow-up.entity.js';
import { CaseOutcome } from './outcome/case-outcome.entity.js';
import { CaseSession } from './sessions/case-session.entity.js';
import { sessionView } from './sessions/case-sessions.service.js';
import { CaseTracking } from './after-closure/case-tracking.entity.js';
import type { SessionView } from './sessions/dto/session.dto.js';

const DAY = 86_400_000;

export interface CaseExtras {
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
  tracking:
    | (Omit<CaseTracking, 'case' | 'updatedAt' | 'caseId'> & {
        jcAcceptanceOverdue: boolean;
        jcDecisionOverdue: boolean;
        registryCoolingOffEndsAt: string | null;
        registryCertificateDueAt: string | null;
      })
    | null;
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

/** The rest of a case's picture, as the user may see it (clerks never see session records). */
export async function caseExtras(
  dataSource: DataSource,
  caseId: string,
  user: AuthUser,
  now: Date,
): Promise<CaseExtras> {
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
    tracking: tracking
      ? {
          courtCaseNumber: tracking.courtCaseNumber,
          filedAt: tracking.filedAt,
          jcAppliedAt: tracking.jcAppliedAt,
          jcAcceptedAt: tracking.jcAcceptedAt,
          jcDecidedAt: tracking.jcDecidedAt,
          jcResult: tracking.jcResult,
          jcRulingNumber: tracking.jcRulingNumber,
          registryAppliedAt: tracking.registryAppliedAt,
          registryCertificateAt: tracking.registryCertificateAt,
          // The court accepts within 3 days of the application and decides within 15 of acceptance.
          jcAcceptanceOverdue: Boolean(
            tracking.jcAppliedAt &&
            !tracking.jcAcceptedAt &&
            now.getTime() - tracking.jcAppliedAt.getTime() > 3 * DAY,
          ),
          jcDecisionOverdue: Boolean(
            tracking.jcAcceptedAt &&
            !tracking.jcDecidedAt &&
            now.getTime() - tracking.jcAcceptedAt.getTime() > 15 * DAY,
          ),
          registryCoolingOffEndsAt: tracking.registryAppliedAt
            ? new Date(tracking.registryAppliedAt.getTime() + 30 * DAY).toISOString()
            : null,
          registryCertificateDueAt: tracking.registryAppliedAt
            ? new Date(tracking.registryAppliedAt.getTime() + 60 * DAY).toISOString()
            : null,
        }
      : null,
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
