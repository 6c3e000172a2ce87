/**
 * The terms of a divorce or ancillary agreement (docs/design/domain.md, "Agreement terms"): each
 * child's custody, hearing and support, the property, debts and money, checked against the law and
 * the case's children. outcome-rules.ts calls checkAgreement when the result carries an agreement.
 */

import { type FieldError, fieldError } from '../../../common/errors/domain-error.js';
import { ageOn, compareDates, shanghaiCalendarDate } from './outcome-dates.js';
import type { OutcomeResult } from './outcome-routes.js';
import { OutcomeCode } from './outcome.codes.js';

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

const HEARING_AGE = 8;
const MAJORITY_AGE = 18;

/** A positive amount in yuan: plain digits, at most two decimals, no sign, exponent or separator. */
export function isYuan(amount: string): boolean {
  if (typeof amount !== 'string' || !/^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/.test(amount)) return false;
  return /[1-9]/.test(amount);
}

/** An array from an untyped body, or nothing: a malformed list must not make the checks throw. */
export function list<T>(value: T[] | null | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

function isBlank(value: string | null | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function checkAmount(
  violations: FieldError[],
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

export function checkAgreement(
  result: OutcomeResult,
  agreement: Agreement,
  children: CaseChildFacts[],
): FieldError[] {
  const violations: FieldError[] = [];
  const effective = shanghaiCalendarDate(agreement.effectiveAt);
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
        const end = shanghaiCalendarDate(until);
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
