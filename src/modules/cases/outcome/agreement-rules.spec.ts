import { type Agreement, isYuan } from './agreement-rules.js';
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

// The agreement's terms, checked through checkOutcome as the outcome service calls them.

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
