import { CandidateFacts, CaseFacts, ineligibility, rankMediators } from './mediator-ranking.js';

const theCase: CaseFacts = {
  villageId: 'v1',
  townshipId: 't1',
  disputeType: 'divorce',
  dvFlag: false,
};
const m = (over: Partial<CandidateFacts>): CandidateFacts => ({
  mediatorId: 'm',
  active: true,
  villageIds: ['v1'],
  townshipIds: ['t1'],
  specialities: [],
  activeCases: 0,
  maxActiveCases: 5,
  dvTrained: false,
  conflicted: false,
  ...over,
});

describe('mediator eligibility', () => {
  it('refuses paused, conflicted, full and out-of-area mediators, in that order of precedence', () => {
    expect(ineligibility(theCase, m({}))).toBeNull();
    expect(ineligibility(theCase, m({ active: false, conflicted: true }))).toBe('paused');
    expect(ineligibility(theCase, m({ conflicted: true }))).toBe('conflict');
    expect(ineligibility(theCase, m({ activeCases: 5 }))).toBe('at_capacity');
    expect(ineligibility(theCase, m({ villageIds: ['v9'], townshipIds: ['t9'] }))).toBe(
      'outside_area',
    );
    expect(ineligibility(theCase, m({ villageIds: ['v2'], townshipIds: ['t1'] }))).toBeNull(); // same township
  });

  it('requires DV training for a flagged case only', () => {
    expect(ineligibility({ ...theCase, dvFlag: true }, m({}))).toBe('not_dv_trained');
    expect(ineligibility({ ...theCase, dvFlag: true }, m({ dvTrained: true }))).toBeNull();
  });
});

describe('mediator ranking', () => {
  it('puts the village before the township, then speciality, then the lighter load; the ineligible last with a reason', () => {
    const ranked = rankMediators(theCase, [
      m({ mediatorId: 'township-specialist', villageIds: ['v2'], specialities: ['divorce'] }),
      m({ mediatorId: 'village-busy', activeCases: 4 }),
      m({ mediatorId: 'village-free' }),
      m({ mediatorId: 'village-specialist', specialities: ['divorce'], activeCases: 2 }),
      m({ mediatorId: 'paused', active: false }),
    ]);
    expect(ranked.map((s) => s.mediatorId)).toEqual([
      'village-specialist',
      'village-free',
      'village-busy',
      'township-specialist',
      'paused',
    ]);
    expect(ranked[0].reasons).toEqual([
      { code: 'SUGGESTION.SERVES_VILLAGE' },
      { code: 'SUGGESTION.SPECIALITY', params: { disputeType: 'divorce' } },
      { code: 'SUGGESTION.LOAD', params: { active: 2, max: 5 } },
    ]);
    expect(ranked[4]).toMatchObject({
      eligible: false,
      reasons: [{ code: 'SUGGESTION.INELIGIBLE', params: { context: 'paused' } }],
    });
  });

  it('is stable for equal candidates', () => {
    const ranked = rankMediators(theCase, [m({ mediatorId: 'b' }), m({ mediatorId: 'a' })]);
    expect(ranked.map((s) => s.mediatorId)).toEqual(['a', 'b']);
  });
});
