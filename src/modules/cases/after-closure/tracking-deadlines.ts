// After closure, the court's and the registry's own deadlines on a case's tracking record.
// Pure: no Nest, no I/O.
import type { CaseTracking } from './case-tracking.entity.js';

const DAY = 86_400_000;

/** The tracking record as the case detail shows it, with the deadlines it is past or facing. */
export type TrackingState = Omit<CaseTracking, 'case' | 'updatedAt' | 'caseId'> & {
  jcAcceptanceOverdue: boolean;
  jcDecisionOverdue: boolean;
  registryCoolingOffEndsAt: string | null;
  registryCertificateDueAt: string | null;
};

export function trackingView(tracking: CaseTracking, now: Date): TrackingState {
  return {
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
  };
}
