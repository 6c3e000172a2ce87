import type { Agreement } from './agreement-rules.js';
import {
  ALLOWED_ROUTES,
  CLOSURE_RESULTS,
  type ClosureResult,
  needsAgreement,
  OUTCOME_RESULTS,
  type OutcomeResult,
  type Route,
  routeAllowed,
  ROUTES,
  SETTLED_RESULTS,
} from './outcome-routes.js';
import { checkOutcome } from './outcome-rules.js';
import {
  ancillaryAgreement,
  CHILDREN,
  divorceAgreement,
  EFFECTIVE,
  fields,
  OLDER,
  YOUNGER,
} from './agreements.fixture.js';

// Written out by hand from docs/design/domain.md so a slip in ALLOWED_ROUTES cannot also slip
// in here.
// Columns: none, court_mediation_document, registry_divorce, judicial_confirmation, court_filing.
const EXPECTED: Record<ClosureResult, [boolean, boolean, boolean, boolean, boolean]> = {
  reconciled: [true, false, false, false, false],
  divorce_agreed: [false, true, true, false, false],
  ancillary_agreed: [false, false, false, true, false],
  no_agreement: [false, false, false, false, true],
  withdrawn: [true, false, false, false, false],
  refused: [false, false, false, false, true],
  unsuitable: [false, false, false, false, true],
  expired: [false, false, false, false, true],
};
const ROUTE_COLUMNS: Route[] = [
  'none',
  'court_mediation_document',
  'registry_divorce',
  'judicial_confirmation',
  'court_filing',
];

const pairs = (results: readonly ClosureResult[]) =>
  results.flatMap((result) =>
    ROUTE_COLUMNS.map((route, i) => ({ result, route, allowed: EXPECTED[result][i] })),
  );

describe('routes allowed for each result', () => {
  it('lists every result and route once', () => {
    expect([...CLOSURE_RESULTS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...ROUTES].sort()).toEqual([...ROUTE_COLUMNS].sort());
    expect(Object.keys(ALLOWED_ROUTES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(pairs(CLOSURE_RESULTS))('$result via $route: allowed $allowed', (p) => {
    expect(routeAllowed(p.result, p.route)).toBe(p.allowed);
  });

  it.each(pairs(OUTCOME_RESULTS))('checkOutcome: $result via $route: allowed $allowed', (p) => {
    const result = p.result as OutcomeResult;
    const agreement = result === 'divorce_agreed' ? divorceAgreement() : ancillaryAgreement();
    const violations = checkOutcome({
      result,
      route: p.route,
      agreement: needsAgreement(result) ? agreement : null,
      children: CHILDREN,
    });
    expect(fields(violations)).toEqual(p.allowed ? [] : ['route']);
  });

  it('refuses a judicially confirmed divorce and names the lawful routes', () => {
    const violations = checkOutcome({
      result: 'divorce_agreed',
      route: 'judicial_confirmation',
      agreement: divorceAgreement(),
      children: CHILDREN,
    });
    expect(violations).toEqual([
      {
        field: 'route',
        code: 'OUTCOME.ROUTE_NOT_ALLOWED',
        params: expect.objectContaining({ context: 'divorce_confirmation' }),
      },
    ]);
  });

  it('names the lawful route for other refusals', () => {
    const [v] = checkOutcome({ result: 'no_agreement', route: 'none', children: CHILDREN });
    expect(v).toEqual({
      field: 'route',
      code: 'OUTCOME.ROUTE_NOT_ALLOWED',
      params: expect.objectContaining({ allowed: ['court_filing'] }),
    });
  });

  it('does not allow an unknown result or route from an untyped body', () => {
    expect(routeAllowed('toString' as ClosureResult, 'none')).toBe(false);
    expect(routeAllowed('reconciled', 'mail' as Route)).toBe(false);
    expect(
      fields(checkOutcome({ result: 'won' as OutcomeResult, route: 'none', children: [] })),
    ).toEqual(['result']);
  });
});

describe('settled results', () => {
  it('counts reconciliations and both kinds of agreement as success', () => {
    expect([...SETTLED_RESULTS].sort()).toEqual([
      'ancillary_agreed',
      'divorce_agreed',
      'reconciled',
    ]);
  });
});

describe('agreement presence', () => {
  it.each([
    ['reconciled', false],
    ['divorce_agreed', true],
    ['ancillary_agreed', true],
    ['no_agreement', false],
    ['withdrawn', false],
  ] as [OutcomeResult, boolean][])('%s needs an agreement: %s', (result, needed) => {
    expect(needsAgreement(result)).toBe(needed);
  });

  it.each([
    ['divorce_agreed', 'registry_divorce'],
    ['ancillary_agreed', 'judicial_confirmation'],
  ] as [OutcomeResult, Route][])('requires an agreement for %s', (result, route) => {
    for (const agreement of [undefined, null]) {
      const violations = checkOutcome({ result, route, agreement, children: CHILDREN });
      expect(violations).toEqual([
        { field: 'agreement', code: 'OUTCOME.AGREEMENT_REQUIRED', params: expect.anything() },
      ]);
    }
  });

  it.each([
    ['reconciled', 'none'],
    ['no_agreement', 'court_filing'],
    ['withdrawn', 'none'],
  ] as [OutcomeResult, Route][])('refuses an agreement on %s', (result, route) => {
    const violations = checkOutcome({
      result,
      route,
      agreement: ancillaryAgreement(),
      children: CHILDREN,
    });
    expect(violations).toEqual([
      { field: 'agreement', code: 'OUTCOME.AGREEMENT_NOT_ALLOWED', params: expect.anything() },
    ]);
    expect(checkOutcome({ result, route, agreement: null, children: CHILDREN })).toEqual([]);
  });

  it('accepts a complete divorce agreement', () => {
    expect(
      checkOutcome({
        result: 'divorce_agreed',
        route: 'court_mediation_document',
        agreement: divorceAgreement(),
        children: CHILDREN,
      }),
    ).toEqual([]);
  });
});

describe('several violations', () => {
  it('reports them all together, in one call', () => {
    const violations = checkOutcome({
      result: 'divorce_agreed',
      route: 'judicial_confirmation',
      agreement: {
        effectiveAt: EFFECTIVE,
        form: 'written',
        children: [
          { childId: OLDER.id, custody: 'applicant', heard: false },
          { childId: 'c-stranger', custody: 'applicant' },
          {
            childId: OLDER.id,
            custody: 'respondent',
            heard: true,
            support: { amount: '0', frequency: 'yearly', method: 'cash', until: '2020-01-01' },
          },
        ],
        damages: { amount: '1e3', payer: 'respondent' },
      },
      children: CHILDREN,
    });
    expect(fields(violations)).toEqual([
      'route',
      'agreement.children.0.heard',
      'agreement.children.1.childId',
      'agreement.children.2.childId',
      'agreement.children.2.support.amount',
      'agreement.children.2.support.until',
      'agreement.children',
      'agreement.damages.amount',
    ]);
    expect(violations.find((v) => v.field === 'agreement.children')?.params).toEqual({
      child: YOUNGER.name,
    });
  });

  it('reports a bad effective date without throwing', () => {
    const violations = checkOutcome({
      result: 'divorce_agreed',
      route: 'registry_divorce',
      agreement: divorceAgreement({ effectiveAt: '22/11/2026' }),
      children: CHILDREN,
    });
    expect(fields(violations)).toEqual(['agreement.effectiveAt']);
  });

  it('never throws on a malformed body', () => {
    const junk = {
      effectiveAt: 7,
      form: 'written',
      children: [null, 'x'],
      property: 'house',
      debts: {},
    } as unknown as Agreement;
    expect(() =>
      checkOutcome({
        result: 'ancillary_agreed',
        route: 'judicial_confirmation',
        agreement: junk,
        children: CHILDREN,
      }),
    ).not.toThrow();
  });
});
