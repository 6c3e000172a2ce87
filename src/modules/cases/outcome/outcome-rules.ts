/**
 * What the law allows as the outcome of a mediation (docs/design/domain.md, "Outcome" and
 * "Agreement terms"), as pure rules with no Nest or database imports. The outcome service feeds
 * them the submitted body and the case's children; the DTO only checks shapes, these check meaning.
 * The results and their routes are outcome-routes.ts, the agreement's terms agreement-rules.ts;
 * checkOutcome joins them.
 */

import { type FieldError, fieldError } from '../../../common/errors/domain-error.js';
import { type Agreement, type CaseChildFacts, checkAgreement, list } from './agreement-rules.js';
import {
  ALLOWED_ROUTES,
  needsAgreement,
  OUTCOME_RESULTS,
  type OutcomeResult,
  type Route,
  routeAllowed,
} from './outcome-routes.js';
import { OutcomeCode } from './outcome.codes.js';

/** A field (dotted path into the body, e.g. 'agreement.children.0.heard') and its message code. */
export type RuleViolation = FieldError;

function routeViolation(result: OutcomeResult, route: Route): RuleViolation {
  return fieldError('route', OutcomeCode.RouteNotAllowed, {
    result,
    route: String(route),
    allowed: [...ALLOWED_ROUTES[result]],
    ...(result === 'divorce_agreed' && route === 'judicial_confirmation'
      ? { context: 'divorce_confirmation' }
      : {}),
  });
}

/**
 * Checks an outcome against the law and the case: the route fits the result, an agreement is
 * present exactly when needed, and its terms are complete and well-formed. Returns every
 * violation found (empty when fine) so the mediator can correct them in one go; never throws.
 */
export function checkOutcome(input: {
  result: OutcomeResult;
  route: Route;
  agreement?: Agreement | null;
  children: CaseChildFacts[];
}): RuleViolation[] {
  const { result, route, agreement } = input;
  const children = list(input.children);
  if (!(OUTCOME_RESULTS as readonly string[]).includes(result)) {
    return [fieldError('result', OutcomeCode.ResultUnknown, { results: [...OUTCOME_RESULTS] })];
  }
  const violations: RuleViolation[] = [];
  if (!routeAllowed(result, route)) {
    violations.push(routeViolation(result, route));
  }
  const hasAgreement = agreement !== null && agreement !== undefined;
  if (needsAgreement(result) && !hasAgreement) {
    violations.push(fieldError('agreement', OutcomeCode.AgreementRequired, { result }));
  } else if (!needsAgreement(result) && hasAgreement) {
    violations.push(fieldError('agreement', OutcomeCode.AgreementNotAllowed, { result }));
  } else if (hasAgreement) {
    violations.push(...checkAgreement(result, agreement, children));
  }
  return violations;
}
