// After closure, the court's and the registry's own deadlines on a case's tracking record.
// Pure: no Nest, no I/O.
import { type FieldError, fieldError } from '../../../common/errors/domain-error.js';
import { shanghaiDayNumber } from '../../../common/time/shanghai.js';
import type { CaseTracking } from './case-tracking.entity.js';
import { AfterClosureCode } from './after-closure.codes.js';

const DAY = 86_400_000;

/**
 * The registry divorce (Civil Code art. 1077): for 30 days after the application either spouse
 * may withdraw it (the cooling-off); in the 30 days after that both apply in person for the
 * certificate, or the application counts as withdrawn.
 */
export const REGISTRY_COOLING_OFF_DAYS = 30;
export const REGISTRY_CERTIFICATE_DAYS = 60;

export const registryCoolingOffEnds = (appliedAt: Date): Date =>
  new Date(appliedAt.getTime() + REGISTRY_COOLING_OFF_DAYS * DAY);
export const registryCertificateDue = (appliedAt: Date): Date =>
  new Date(appliedAt.getTime() + REGISTRY_CERTIFICATE_DAYS * DAY);

/**
 * A certificate's date against the application's: not before the cooling-off's last day has come
 * (the registry issues none while either spouse may still withdraw), not after the period for it.
 * Days on the Shanghai calendar, as the clerk records them.
 */
export function registryCertificateViolations(appliedAt: Date, certificateAt: Date): FieldError[] {
  const day = shanghaiDayNumber(certificateAt);
  const coolingOffEnds = registryCoolingOffEnds(appliedAt);
  const due = registryCertificateDue(appliedAt);
  if (day < shanghaiDayNumber(coolingOffEnds))
    return [
      fieldError('certificateAt', AfterClosureCode.RegistryInCoolingOff, {
        until: coolingOffEnds.toISOString(),
      }),
    ];
  if (day > shanghaiDayNumber(due))
    return [
      fieldError('certificateAt', AfterClosureCode.RegistryAfterDue, { due: due.toISOString() }),
    ];
  return [];
}

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
      ? registryCoolingOffEnds(tracking.registryAppliedAt).toISOString()
      : null,
    registryCertificateDueAt: tracking.registryAppliedAt
      ? registryCertificateDue(tracking.registryAppliedAt).toISOString()
      : null,
  };
}
