import {
  caseScopeCondition,
  caseVisibleTo,
  pathInScope,
  pathRelated,
  regionScopeOf,
  ScopeSubject,
  subtreeEnd,
} from './scope-rules.js';

const CITY = '370200000000.';
const COUNTY = `${CITY}370281000000.`;
const TOWN_X = `${COUNTY}370281105000.`;
const TOWN_Y = `${COUNTY}370281106000.`;
const VILLAGE_X1 = `${TOWN_X}370281105201.`;

const subject = (over: Partial<ScopeSubject>): ScopeSubject => ({
  id: 'u1',
  role: 'supervisor',
  courtId: null,
  scopePath: null,
  ...over,
});

describe('region scope', () => {
  it('gives admins everything and others their subtree', () => {
    expect(regionScopeOf(subject({ role: 'admin' }))).toEqual({ kind: 'all' });
    expect(regionScopeOf(subject({ scopePath: TOWN_X }))).toEqual({
      kind: 'subtree',
      path: TOWN_X,
    });
    expect(regionScopeOf(subject({ scopePath: null }))).toEqual({ kind: 'none' });
  });

  it('matches a subtree by path prefix only', () => {
    const scope = regionScopeOf(subject({ scopePath: TOWN_X }));
    expect(pathInScope(scope, TOWN_X)).toBe(true);
    expect(pathInScope(scope, VILLAGE_X1)).toBe(true);
    expect(pathInScope(scope, TOWN_Y)).toBe(false);
    expect(pathInScope(scope, COUNTY)).toBe(false); // the parent is outside
    expect(pathInScope(scope, null)).toBe(false);
  });
});

describe('related scope (courts, organisations)', () => {
  it('covers the subtree and the ancestors of the scope root, not siblings', () => {
    const scope = regionScopeOf(subject({ scopePath: TOWN_X }));
    expect(pathRelated(scope, COUNTY)).toBe(true);
    expect(pathRelated(scope, VILLAGE_X1)).toBe(true);
    expect(pathRelated(scope, TOWN_Y)).toBe(false);
    expect(pathRelated({ kind: 'all' }, TOWN_Y)).toBe(true);
    expect(pathRelated({ kind: 'none' }, TOWN_Y)).toBe(false);
  });
});

describe('case scope', () => {
  const facts = { courtId: 'courtA', regionPath: VILLAGE_X1, mediatorIds: ['m-old', 'm-now'] };

  it('lets a clerk see her own court only', () => {
    expect(caseVisibleTo(subject({ role: 'clerk', courtId: 'courtA' }), facts)).toBe(true);
    expect(caseVisibleTo(subject({ role: 'clerk', courtId: 'courtB' }), facts)).toBe(false);
    expect(caseVisibleTo(subject({ role: 'clerk', courtId: null }), facts)).toBe(false);
  });

  it('lets a mediator see cases assigned to her now or before', () => {
    expect(caseVisibleTo(subject({ role: 'mediator', id: 'm-old' }), facts)).toBe(true);
    expect(caseVisibleTo(subject({ role: 'mediator', id: 'm-now' }), facts)).toBe(true);
    expect(
      caseVisibleTo(subject({ role: 'mediator', id: 'm-other', scopePath: VILLAGE_X1 }), facts),
    ).toBe(false);
  });

  it('lets a supervisor see cases located in her region', () => {
    expect(caseVisibleTo(subject({ scopePath: TOWN_X }), facts)).toBe(true);
    expect(caseVisibleTo(subject({ scopePath: TOWN_Y }), facts)).toBe(false);
  });

  it('gives admins no case content', () => {
    expect(caseVisibleTo(subject({ role: 'admin' }), facts)).toBe(false);
    expect(caseScopeCondition(subject({ role: 'admin' }), cols).sql).toBe('FALSE');
  });

  const cols = { courtId: 'c.court_id', regionPath: 'c.region_path', everAssigned: 'EXISTS (…)' };

  it('bounds a subtree by a range that holds exactly the paths starting with its own', () => {
    const end = subtreeEnd(TOWN_X);
    const paths = [
      TOWN_X,
      VILLAGE_X1,
      `${TOWN_X}370281105299.`,
      COUNTY,
      `${COUNTY}370281106000.`,
      `${COUNTY}370281104999.`,
      `${TOWN_X.slice(0, -1)}0.`,
    ];
    for (const path of paths) {
      // "C" order is the order of the UTF-16 code units for these ASCII paths.
      expect(path >= TOWN_X && path < end).toBe(path.startsWith(TOWN_X));
    }
  });

  it('expresses the same rules in SQL', () => {
    expect(caseScopeCondition(subject({ role: 'clerk', courtId: 'courtA' }), cols)).toEqual({
      sql: 'c.court_id = :scopeCourtId',
      params: { scopeCourtId: 'courtA' },
    });
    expect(caseScopeCondition(subject({ scopePath: TOWN_X }), cols)).toEqual({
      sql: '(c.region_path >= :scopePath COLLATE "C" AND c.region_path < :scopePathEnd COLLATE "C")',
      params: { scopePath: TOWN_X, scopePathEnd: `${TOWN_X.slice(0, -1)}/` },
    });
    expect(caseScopeCondition(subject({ role: 'mediator', id: 'm1' }), cols)).toEqual({
      sql: 'EXISTS (…)',
      params: { scopeUserId: 'm1' },
    });
  });
});
