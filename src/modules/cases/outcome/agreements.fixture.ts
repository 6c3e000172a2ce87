/**
 * The case and the agreements the outcome rules' specs start from: a divorce and an ancillary
 * agreement that pass, which each test changes in one place. Test code only: like the specs, it is
 * left out of the build (tsconfig.build.json).
 */

import type { Agreement, CaseChildFacts } from './agreement-rules.js';
import type { RuleViolation } from './outcome-rules.js';

// The two children of the case; the agreement takes effect on 22 November 2026, Beijing time.
export const EFFECTIVE = '2026-11-22T10:00:00+08:00';
export const OLDER: CaseChildFacts = { id: 'c-older', name: '李小明', birthDate: '2014-03-15' }; // 12
export const YOUNGER: CaseChildFacts = { id: 'c-younger', name: '李小红', birthDate: '2021-06-01' }; // 5
export const CHILDREN = [OLDER, YOUNGER];

export const divorceAgreement = (over: Partial<Agreement> = {}): Agreement => ({
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

export const ancillaryAgreement = (over: Partial<Agreement> = {}): Agreement => ({
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

export const fields = (violations: RuleViolation[]): string[] => violations.map((v) => v.field);
