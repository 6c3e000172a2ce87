/**
 * What the law allows as the outcome of a mediation (docs/design/domain.md, "Outcome" and
 * "Agreement terms"), as pure rules with no Nest or database imports. The outcome service feeds them the submitted body
 * and the case's children; the DTO only checks shapes, these check meaning.
 */

import { type FieldError, fieldError } from '../../../common/errors/domain-error.js';
import { shanghaiWallClock } from '../../../common/time/shanghai.js';
import { OutcomeCode } from './outcome.codes.js';
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

export type PartySide = 'applicant' | 'respondent';

export interface AgreementChildTerm {
  childId: string;
  custody?: PartySide | 'joint' | null;
  residence?: string | null;
  /** The child's own wishes were heard (required from age 8, Civil Code art. 1084). */
  heard?: boolean;
  support?: {
    amount: string;
    frequency: 'monthly' | 'quarterly' | 'yearly' | 'lump_sum';
    method: string;
    until?: string | null;
  } | null;
  visitation?: string | null;
  handover?: string | null;
}

export interface Agreement {
  /** ISO date-time; the calendar date that counts is the one in Asia/Shanghai. */
  effectiveAt: string;
  form: 'written' | 'oral';
  children?: AgreementChildTerm[];
  property?: { item: string; to: PartySide | 'both'; value?: string | null }[];
  debts?: { item: string; bornBy: PartySide | 'both'; amount?: string | null }[];
  housing?: string | null;
  houseworkCompensation?: { amount: string; payer: PartySide } | null;
  financialHelp?: { amount: string; payer: PartySide } | null;
  damages?: { amount: string; payer: PartySide; reason?: string | null } | null;
  performance?: string | null;
  breach?: string | null;
}

export interface CaseChildFacts {
  id: string;
  /** Messages name the child: the mediator who submits the outcome sees the case's children. */
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

/** A field (dotted path into the body, e.g. 'agreement.children.0.heard') and its message code. */
export type RuleViolation = FieldError;

const HEARING_AGE = 8;
const MAJORITY_AGE = 18;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The Asia/Shanghai calendar date of an ISO date or date-time, computed by hand so the process
 * time zone never matters. A date-time without an offset is taken as Shanghai wall time.
 */
function shanghaiDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME_RE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!realDate(year, month, day)) return null;
  if (m[4] === undefined) return { year, month, day };
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[7];
  if (zone === undefined) return { year, month, day };
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const instant = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  const local = shanghaiWallClock(instant);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

function plainDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return shanghaiDate(value);
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Age in whole years on a date, birthday-exact: the year is gained on the birthday itself (a child
 * born on 29 February gains it on 1 March in common years). `on` may be a date or a date-time; a
 * date-time counts on its Asia/Shanghai calendar date. NaN when either value is not a real date.
 */
export function ageOn(birthDate: string, on: string): number {
  const birth = plainDate(birthDate);
  const day = shanghaiDate(on);
  if (!birth || !day) return Number.NaN;
  const beforeBirthday =
    day.month < birth.month || (day.month === birth.month && day.day < birth.day);
  return day.year - birth.year - (beforeBirthday ? 1 : 0);
}

/** A positive amount in yuan: plain digits, at most two decimals, no sign, exponent or separator. */
export function isYuan(amount: string): boolean {
  if (typeof amount !== 'string' || !/^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/.test(amount)) return false;
  return /[1-9]/.test(amount);
}

/** An array from an untyped body, or nothing: a malformed list must not make the checks throw. */
function list<T>(value: T[] | null | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

function isBlank(value: string | null | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

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

function checkAmount(
  violations: RuleViolation[],
  field: string,
  amount: string | null | undefined,
  required: boolean,
): void {
  if (amount === null || amount === undefined) {
    if (required) violations.push(fieldError(field, OutcomeCode.AmountRequired));
    return;
  }
  if (!isYuan(amount)) {
    violations.push(fieldError(field, OutcomeCode.AmountFormat));
  }
}

function hasAnyTerm(agreement: Agreement): boolean {
  return (
    list(agreement.children).length > 0 ||
    list(agreement.property).length > 0 ||
    list(agreement.debts).length > 0 ||
    !isBlank(agreement.housing) ||
    Boolean(agreement.houseworkCompensation) ||
    Boolean(agreement.financialHelp) ||
    Boolean(agreement.damages)
  );
}

function checkAgreement(
  result: OutcomeResult,
  agreement: Agreement,
  children: CaseChildFacts[],
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const effective = shanghaiDate(agreement.effectiveAt);
  if (!effective) {
    violations.push(fieldError('agreement.effectiveAt', OutcomeCode.EffectiveDateInvalid));
  }
  const divorce = result === 'divorce_agreed';
  const caseChildren = new Map(children.map((c) => [c.id, c]));
  const seen = new Set<string>();

  list(agreement.children).forEach((term, i) => {
    const path = `agreement.children.${i}`;
    if (typeof term !== 'object' || term === null) {
      violations.push(fieldError(path, OutcomeCode.ChildTermNotObject));
      return;
    }
    const child = caseChildren.get(term.childId);
    if (!child) {
      violations.push(fieldError(`${path}.childId`, OutcomeCode.ChildNotOfCase));
    } else if (seen.has(child.id)) {
      violations.push(fieldError(`${path}.childId`, OutcomeCode.ChildTwice, { child: child.name }));
    }
    if (child) seen.add(child.id);

    // Art. 1084 concerns who raises the child: it binds wherever custody or residence is decided,
    // which a divorce agreement always does for every child.
    const decidesUpbringing = divorce || Boolean(term.custody) || !isBlank(term.residence);
    if (child && effective && decidesUpbringing && term.heard !== true) {
      const age = ageOn(child.birthDate, agreement.effectiveAt);
      // An unreadable birth date cannot prove the child is under 8, so the hearing is required.
      if (!(age < HEARING_AGE)) {
        violations.push(
          fieldError(
            `${path}.heard`,
            OutcomeCode.ChildNotHeard,
            Number.isNaN(age)
              ? { child: child.name, context: 'age_unknown' }
              : { child: child.name, age },
          ),
        );
      }
    }
    if (divorce && child && !term.custody) {
      violations.push(
        fieldError(`${path}.custody`, OutcomeCode.ChildCustodyMissing, { child: child.name }),
      );
    }

    if (term.support) {
      checkAmount(violations, `${path}.support.amount`, term.support.amount, true);
      const until = term.support.until;
      if (until !== null && until !== undefined) {
        const end = shanghaiDate(until);
        if (!end) {
          violations.push(fieldError(`${path}.support.until`, OutcomeCode.SupportEndFormat));
        } else if (effective && compareDates(end, effective) <= 0) {
          violations.push(
            fieldError(`${path}.support.until`, OutcomeCode.SupportEndBeforeEffective),
          );
        }
      }
    }
  });

  if (divorce) {
    children.forEach((child) => {
      if (seen.has(child.id)) return;
      // Custody ends at majority (art. 1084 concerns minors), so an adult child needs no term.
      const age = effective ? ageOn(child.birthDate, agreement.effectiveAt) : Number.NaN;
      if (age >= MAJORITY_AGE) return;
      violations.push(
        fieldError('agreement.children', OutcomeCode.ChildTermsMissing, { child: child.name }),
      );
    });
  }

  list(agreement.property).forEach((p, i) =>
    checkAmount(violations, `agreement.property.${i}.value`, p?.value, false),
  );
  list(agreement.debts).forEach((d, i) =>
    checkAmount(violations, `agreement.debts.${i}.amount`, d?.amount, false),
  );
  for (const key of ['houseworkCompensation', 'financialHelp', 'damages'] as const) {
    const money = agreement[key];
    if (money) checkAmount(violations, `agreement.${key}.amount`, money.amount, true);
  }

  if (result === 'ancillary_agreed' && !hasAnyTerm(agreement)) {
    violations.push(fieldError('agreement', OutcomeCode.AncillaryEmpty));
  }
  return violations;
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
