/**
 * The results a mediation can end with and the routes the law allows for each
 * (docs/design/domain.md, "Outcome"): pure values, read by the outcome's check and DTO, the case
 * list's filter and the statistics.
 */

export const OUTCOME_RESULTS = [
  'reconciled',
  'divorce_agreed',
  'ancillary_agreed',
  'no_agreement',
  'withdrawn',
] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

/** Every result a closed case can carry: the submitted ones plus those set by the system. */
export const CLOSURE_RESULTS = [...OUTCOME_RESULTS, 'refused', 'unsuitable', 'expired'] as const;
export type ClosureResult = (typeof CLOSURE_RESULTS)[number];

export const ROUTES = [
  'none',
  'court_mediation_document',
  'registry_divorce',
  'judicial_confirmation',
  'court_filing',
] as const;
export type Route = (typeof ROUTES)[number];

/** The routes the law allows for a result. */
export const ALLOWED_ROUTES: Readonly<Record<ClosureResult, readonly Route[]>> = Object.freeze({
  reconciled: ['none'],
  // 司法确认 excludes status relationships: a divorce goes to the court or to the registry.
  divorce_agreed: ['court_mediation_document', 'registry_divorce'],
  ancillary_agreed: ['judicial_confirmation'],
  no_agreement: ['court_filing'],
  withdrawn: ['none'],
  refused: ['court_filing'],
  unsuitable: ['court_filing'],
  expired: ['court_filing'],
});

export function routeAllowed(result: ClosureResult, route: Route): boolean {
  // Own-property lookup so a result from an untyped body ('toString') is simply not allowed.
  if (!Object.hasOwn(ALLOWED_ROUTES, result)) return false;
  return ALLOWED_ROUTES[result].includes(route);
}

/** Results counted as a success in the statistics (调解成功率). */
export const SETTLED_RESULTS: readonly OutcomeResult[] = Object.freeze([
  'reconciled',
  'divorce_agreed',
  'ancillary_agreed',
]);

/** Divorce and ancillary agreements carry structured terms; every other result must not. */
export function needsAgreement(result: OutcomeResult): boolean {
  return result === 'divorce_agreed' || result === 'ancillary_agreed';
}
