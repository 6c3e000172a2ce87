import {
  ageOn,
  Agreement,
  ALLOWED_ROUTES,
  CaseChildFacts,
  checkOutcome,
  CLOSURE_RESULTS,
  ClosureResult,
  isYuan,
  needsAgreement,
  OUTCOME_RESULTS,
  OutcomeResult,
  Route,
  routeAllowed,
  ROUTES,
  RuleViolation,
  SETTLED_RESULTS,
} from './outcome-rules.js';

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

// The two children of the case; the agreement takes effect on 22 November 2026, Beijing time.
const EFFECTIVE = '2026-11-22T10:00:00+08:00';
const OLDER: CaseChildFacts = { id: 'c-older', name: '李小明', birthDate: '2014-03-15' }; // 12
const YOUNGER: CaseChildFacts = { id: 'c-younger', name: '李小红', birthDate: '2021-06-01' }; // 5
const CHILDREN = [OLDER, YOUNGER];

const divorceAgreement = (over: Partial<Agreement> = {}): Agreement => ({
  effectiveAt: EFFECTIVE,
  form: 'written',
  children: [
    {
      childId: OLDER.id,
      custody: 'applicant',
      heard: true,
      support: {
        amount: '1500.00',
        frequency: 'monthly',
        method: 'bank_transfer',
        until: '2032-03-15',
      },
      visitation: '每月第一、三个周末',
    },
    { childId: YOUNGER.id, custody: 'applicant', heard: false },
  ],
  property: [{ item: '住房一套', to: 'applicant', value: '800000' }],
  debts: [],
  housing: null,
  houseworkCompensation: null,
  financialHelp: null,
  damages: null,
  performance: '协议生效后三十日内履行',
  breach: null,
  ...over,
});

const ancillaryAgreement = (over: Partial<Agreement> = {}): Agreement => ({
  effectiveAt: EFFECTIVE,
  form: 'written',
  children: [
    {
      childId: YOUNGER.id,
      support: { amount: '800', frequency: 'monthly', method: 'cash', until: null },
    },
  ],
  ...over,
});

const fields = (violations: RuleViolation[]): string[] => violations.map((v) => v.field);

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

describe('custody in a divorce agreement', () => {
  const divorce = (agreement: Agreement, children = CHILDREN) =>
    checkOutcome({ result: 'divorce_agreed', route: 'registry_divorce', agreement, children });

  it('requires a custody term for every child of the case', () => {
    const violations = divorce(
      divorceAgreement({
        children: [{ childId: OLDER.id, custody: 'respondent', heard: true }],
      }),
    );
    expect(violations).toEqual([
      {
        field: 'agreement.children',
        code: 'OUTCOME.CHILD_TERMS_MISSING',
        params: { child: YOUNGER.name },
      },
    ]);
  });

  it('requires custody to be set on a child term', () => {
    for (const custody of [undefined, null]) {
      const violations = divorce(
        divorceAgreement({
          children: [
            { childId: OLDER.id, custody: 'joint', heard: true },
            { childId: YOUNGER.id, custody, residence: '随母亲居住' },
          ],
        }),
      );
      expect(violations).toEqual([
        {
          field: 'agreement.children.1.custody',
          code: 'OUTCOME.CHILD_CUSTODY_MISSING',
          params: { child: YOUNGER.name },
        },
      ]);
    }
  });

  it('needs no custody term for a child who is already an adult', () => {
    const adult = { id: 'c-adult', name: '李大明', birthDate: '2005-01-01' };
    expect(divorce(divorceAgreement(), [...CHILDREN, adult])).toEqual([]);
  });

  it('needs no child terms when the case has no children', () => {
    expect(divorce(divorceAgreement({ children: [] }), [])).toEqual([]);
  });
});

describe('hearing a child of 8 or more (Civil Code art. 1084)', () => {
  // Turns 8 on 21, 22 or 23 November 2026; the agreement takes effect on the 22nd.
  const cases: [string, string, boolean][] = [
    ['the day before', '2018-11-21', true],
    ['on', '2018-11-22', true],
    ['the day after', '2018-11-23', false],
  ];

  it.each(cases)('a child turning 8 %s the effective date must be heard: %s', (_, birth, must) => {
    const child = { id: 'c1', name: '李小明', birthDate: birth };
    const check = (heard: boolean | undefined) =>
      checkOutcome({
        result: 'divorce_agreed',
        route: 'court_mediation_document',
        agreement: {
          effectiveAt: EFFECTIVE,
          form: 'written',
          children: [{ childId: 'c1', custody: 'respondent', heard }],
        },
        children: [child],
      });
    expect(check(true)).toEqual([]);
    for (const heard of [false, undefined]) {
      expect(check(heard)).toEqual(
        must
          ? [
              expect.objectContaining({
                field: 'agreement.children.0.heard',
                code: 'OUTCOME.CHILD_NOT_HEARD',
              }),
            ]
          : [],
      );
    }
  });

  it('counts the Beijing calendar date of the effective time, whatever the offset', () => {
    const child = { id: 'c1', name: '李小明', birthDate: '2018-11-22' };
    const check = (effectiveAt: string) =>
      fields(
        checkOutcome({
          result: 'divorce_agreed',
          route: 'registry_divorce',
          agreement: { effectiveAt, form: 'oral', children: [{ childId: 'c1', custody: 'joint' }] },
          children: [child],
        }),
      );
    // 16:30 UTC on the 21st is 00:30 on the 22nd in Beijing: the birthday.
    expect(check('2026-11-21T16:30:00Z')).toEqual(['agreement.children.0.heard']);
    // 15:59 UTC on the 21st is still 23:59 on the 21st in Beijing.
    expect(check('2026-11-21T15:59:00Z')).toEqual([]);
    expect(check('2026-11-22T23:59:59+08:00')).toEqual(['agreement.children.0.heard']);
  });

  it('applies to custody or residence in an ancillary agreement, not to support alone', () => {
    const check = (term: Agreement['children']) =>
      fields(
        checkOutcome({
          result: 'ancillary_agreed',
          route: 'judicial_confirmation',
          agreement: ancillaryAgreement({ children: term }),
          children: CHILDREN,
        }),
      );
    const support = { amount: '1000', frequency: 'monthly', method: 'cash' } as const;
    expect(check([{ childId: OLDER.id, support }])).toEqual([]);
    expect(check([{ childId: OLDER.id, residence: '随父亲居住' }])).toEqual([
      'agreement.children.0.heard',
    ]);
    expect(check([{ childId: OLDER.id, custody: 'applicant', heard: true }])).toEqual([]);
  });
});

describe('ageOn', () => {
  it('counts whole years, gaining one on the birthday itself', () => {
    expect(ageOn('2018-11-22', '2026-11-21')).toBe(7);
    expect(ageOn('2018-11-22', '2026-11-22')).toBe(8);
    expect(ageOn('2018-11-22', '2026-11-23')).toBe(8);
    expect(ageOn('2018-11-22', '2026-12-01')).toBe(8);
    expect(ageOn('2018-11-22', '2026-10-30')).toBe(7);
  });

  it('gives a child born on 29 February the year on 1 March in a common year', () => {
    expect(ageOn('2016-02-29', '2024-02-28')).toBe(7);
    expect(ageOn('2016-02-29', '2024-02-29')).toBe(8);
    expect(ageOn('2016-02-29', '2025-02-28')).toBe(8);
    expect(ageOn('2016-02-29', '2026-02-28')).toBe(9);
    expect(ageOn('2016-02-29', '2026-03-01')).toBe(10);
  });

  it('uses the Asia/Shanghai date of a date-time, independent of the process time zone', () => {
    expect(ageOn('2018-11-22', '2026-11-21T15:59:59Z')).toBe(7);
    expect(ageOn('2018-11-22', '2026-11-21T16:00:00Z')).toBe(8);
    expect(ageOn('2018-11-22', '2026-11-21T16:00:00.000Z')).toBe(8);
    expect(ageOn('2018-11-22', '2026-11-22T00:00:00+08:00')).toBe(8);
    expect(ageOn('2018-11-22', '2026-11-21T23:59:00+08:00')).toBe(7);
    expect(ageOn('2018-11-22', '2026-11-21T11:00:00-05:00')).toBe(8); // 00:00 on the 22nd, Beijing
    expect(ageOn('2018-11-22', '2026-11-22T00:30:00')).toBe(8); // no offset: Beijing wall time
  });

  it('is NaN for values that are not real dates', () => {
    expect(ageOn('2018-02-30', '2026-11-22')).toBeNaN();
    expect(ageOn('2018-11-22', 'yesterday')).toBeNaN();
    expect(ageOn('2018-11-22T00:00:00Z', '2026-11-22')).toBeNaN();
  });
});

describe('child ids', () => {
  const check = (children: Agreement['children']) =>
    checkOutcome({
      result: 'divorce_agreed',
      route: 'court_mediation_document',
      agreement: divorceAgreement({ children }),
      children: CHILDREN,
    });

  it('refuses a child who appears twice', () => {
    const violations = check([
      { childId: OLDER.id, custody: 'applicant', heard: true },
      { childId: YOUNGER.id, custody: 'applicant' },
      { childId: OLDER.id, custody: 'respondent', heard: true },
    ]);
    expect(violations).toEqual([
      {
        field: 'agreement.children.2.childId',
        code: 'OUTCOME.CHILD_TWICE',
        params: { child: OLDER.name },
      },
    ]);
  });

  it('refuses a child who is not a child of the case', () => {
    const violations = check([
      { childId: OLDER.id, custody: 'applicant', heard: true },
      { childId: YOUNGER.id, custody: 'applicant' },
      { childId: 'c-stranger', custody: 'applicant' },
    ]);
    expect(violations).toEqual([
      {
        field: 'agreement.children.2.childId',
        code: 'OUTCOME.CHILD_NOT_OF_CASE',
      },
    ]);
  });
});

describe('money amounts', () => {
  it.each(['1500', '1500.5', '1500.00', '0.01', '0.10', '800000'])('accepts %j', (amount) => {
    expect(isYuan(amount)).toBe(true);
  });

  it.each([
    '0',
    '0.00',
    '-1',
    '1e3',
    '12.345',
    '',
    ' 12',
    '12 ',
    '1,500',
    '+5',
    '01',
    '1500.',
    '.5',
  ])('refuses %j', (amount) => {
    expect(isYuan(amount)).toBe(false);
  });

  it('checks every money field of an agreement', () => {
    const violations = checkOutcome({
      result: 'divorce_agreed',
      route: 'court_mediation_document',
      agreement: divorceAgreement({
        children: [
          {
            childId: OLDER.id,
            custody: 'applicant',
            heard: true,
            support: { amount: '1e3', frequency: 'monthly', method: 'cash' },
          },
          { childId: YOUNGER.id, custody: 'applicant' },
        ],
        property: [
          { item: '车辆', to: 'respondent', value: '1,500' },
          { item: '家具', to: 'both', value: null },
        ],
        debts: [{ item: '信用卡', bornBy: 'both', amount: '-1' }],
        houseworkCompensation: { amount: '0', payer: 'respondent' },
        financialHelp: { amount: '12.345', payer: 'applicant' },
        damages: { amount: '', payer: 'respondent', reason: '家庭暴力' },
      }),
      children: CHILDREN,
    });
    expect(fields(violations)).toEqual([
      'agreement.children.0.support.amount',
      'agreement.property.0.value',
      'agreement.debts.0.amount',
      'agreement.houseworkCompensation.amount',
      'agreement.financialHelp.amount',
      'agreement.damages.amount',
    ]);
    expect(violations[0].code).toBe('OUTCOME.AMOUNT_FORMAT');
  });
});

describe('end of support', () => {
  const check = (until: string | null) =>
    fields(
      checkOutcome({
        result: 'ancillary_agreed',
        route: 'judicial_confirmation',
        agreement: ancillaryAgreement({
          children: [
            {
              childId: YOUNGER.id,
              support: { amount: '800', frequency: 'monthly', method: 'cash', until },
            },
          ],
        }),
        children: CHILDREN,
      }),
    );

  it('must come after the agreement takes effect', () => {
    expect(check('2026-11-21')).toEqual(['agreement.children.0.support.until']);
    expect(check('2026-11-22')).toEqual(['agreement.children.0.support.until']);
    expect(check('2026-11-23')).toEqual([]);
    expect(check('2039-06-01')).toEqual([]);
    expect(check(null)).toEqual([]);
  });

  it('must be a real date', () => {
    expect(check('2039-02-30')).toEqual(['agreement.children.0.support.until']);
    expect(check('soon')).toEqual(['agreement.children.0.support.until']);
  });
});

describe('ancillary agreements', () => {
  const check = (agreement: Agreement) =>
    checkOutcome({
      result: 'ancillary_agreed',
      route: 'judicial_confirmation',
      agreement,
      children: CHILDREN,
    });
  const empty: Agreement = { effectiveAt: EFFECTIVE, form: 'written' };

  it('refuses an agreement that settles nothing', () => {
    const blank = { ...empty, children: [], property: [], debts: [], housing: '  ', damages: null };
    for (const agreement of [empty, blank]) {
      expect(check(agreement)).toEqual([{ field: 'agreement', code: 'OUTCOME.ANCILLARY_EMPTY' }]);
    }
  });

  it.each<[string, Partial<Agreement>]>([
    ['children', { children: [{ childId: YOUNGER.id, visitation: '每周六' }] }],
    ['property', { property: [{ item: '存款', to: 'both' }] }],
    ['debts', { debts: [{ item: '借款', bornBy: 'respondent', amount: '20000' }] }],
    ['housing', { housing: '女方暂住原房屋至2027年' }],
    ['money', { financialHelp: { amount: '30000', payer: 'respondent' } }],
  ])('accepts one term: %s', (_, term) => {
    expect(check({ ...empty, ...term })).toEqual([]);
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
