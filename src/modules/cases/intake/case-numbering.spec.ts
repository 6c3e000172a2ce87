import { MEDIATION_KINDS } from '../case.entity.js';
import { CASE_TYPE_DESIGNATORS, formatCaseNumber } from './case-numbering.js';
import { COURT_DESIGNATOR_PATTERN, defaultCourtDesignator } from '../../courts/court-designator.js';

describe('case numbers', () => {
  it('are （年度）court 代字 type 代字 sequence 号 with full-width brackets', () => {
    expect(formatCaseNumber(2026, '鲁0281', '民诉前调', 501)).toBe('（2026）鲁0281民诉前调501号');
    expect(formatCaseNumber(2027, '京73', CASE_TYPE_DESIGNATORS.entrusted, 1)).toBe(
      '（2027）京73民诉中调1号',
    );
    expect(formatCaseNumber(2026, '鲁0281', '民诉前调', 9)).not.toMatch(/[()]/);
  });

  it('give every kind of mediation its own type 代字', () => {
    expect(CASE_TYPE_DESIGNATORS.pre_filing).toBe('民诉前调');
    const types = MEDIATION_KINDS.map((k) => CASE_TYPE_DESIGNATORS[k]);
    expect(new Set(types).size).toBe(MEDIATION_KINDS.length);
  });
});

describe('court designators', () => {
  it('default to the province abbreviation and the county’s or city’s digits', () => {
    expect(defaultCourtDesignator('370281000000', 'county')).toBe('鲁0281');
    expect(defaultCourtDesignator('370200000000', 'city')).toBe('鲁02');
    expect(defaultCourtDesignator('520102000000', 'county')).toBe('黔0102');
    expect(defaultCourtDesignator('990281000000', 'county')).toBeNull();
    expect(defaultCourtDesignator('370281105000', 'township')).toBeNull();
  });

  it.each(['鲁', '鲁02', '鲁0281', '京73', '兵0101'])('accept %s', (d) =>
    expect(COURT_DESIGNATOR_PATTERN.test(d)).toBe(true),
  );
  it.each(['J37', '鲁028', '鲁02811', 'X0281', '鲁0281民', ''])('refuse %s', (d) =>
    expect(COURT_DESIGNATOR_PATTERN.test(d)).toBe(false),
  );
});
