import {
  allowedActions,
  canDo,
  CASE_ACTIONS,
  CASE_STATUSES,
  CaseAction,
  CaseStatus,
  InvalidTransitionError,
  nextStatus,
  OPEN_STATUSES,
} from './case-status.js';

// Written out by hand from the design, independently of the module's own table.
const STATUSES: CaseStatus[] = [
  'received',
  'referred',
  'assigned',
  'in_mediation',
  'pending_review',
  'closed',
];

const ACTIONS: CaseAction[] = [
  'update_details',
  'record_consent',
  'record_screening',
  'refuse_consent',
  'mark_unsuitable',
  'refer',
  'assign',
  'reassign',
  'accept',
  'decline',
  'recuse',
  'extend',
  'schedule_session',
  'record_session',
  'submit_outcome',
  'approve',
  'return',
  'withdraw',
  'expire',
  'record_court_filing',
  'record_judicial_confirmation',
  'record_follow_up',
];

// Status by status (the module keys by action), so a typo cannot be copied across.
const EXPECTED: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  received: {
    update_details: 'received',
    record_consent: 'received',
    record_screening: 'received',
    refuse_consent: 'closed',
    mark_unsuitable: 'closed',
    refer: 'referred',
    withdraw: 'closed',
  },
  referred: {
    update_details: 'referred',
    assign: 'assigned',
    withdraw: 'closed',
  },
  assigned: {
    reassign: 'assigned',
    accept: 'in_mediation',
    decline: 'referred',
    recuse: 'referred',
    withdraw: 'closed',
  },
  in_mediation: {
    reassign: 'assigned',
    recuse: 'referred',
    extend: 'in_mediation',
    schedule_session: 'in_mediation',
    record_session: 'in_mediation',
    submit_outcome: 'pending_review',
    withdraw: 'closed',
    expire: 'closed',
  },
  pending_review: {
    approve: 'closed',
    return: 'in_mediation',
    withdraw: 'closed',
  },
  closed: {
    record_court_filing: 'closed',
    record_judicial_confirmation: 'closed',
    record_follow_up: 'closed',
  },
};

const PAIRS = STATUSES.flatMap((status) =>
  ACTIONS.map((action) => ({ status, action, to: EXPECTED[status][action] ?? null })),
);
const LEGAL = PAIRS.filter((p) => p.to !== null);
const ILLEGAL = PAIRS.filter((p) => p.to === null);

describe('case status vocabulary', () => {
  it('lists exactly the statuses and actions of the design', () => {
    expect([...CASE_STATUSES]).toEqual(STATUSES);
    expect([...CASE_ACTIONS]).toEqual(ACTIONS);
  });

  it('covers the whole cartesian product', () => {
    expect(PAIRS).toHaveLength(6 * 22);
    expect(LEGAL).toHaveLength(29);
  });
});

describe('nextStatus', () => {
  it.each(LEGAL)('$action in $status leads to $to', ({ status, action, to }) => {
    expect(nextStatus(status, action)).toBe(to);
    expect(canDo(status, action)).toBe(true);
  });

  it.each(ILLEGAL)('$action in $status is refused', ({ status, action }) => {
    expect(canDo(status, action)).toBe(false);
    let thrown: unknown;
    try {
      nextStatus(status, action);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InvalidTransitionError);
    expect(thrown).toMatchObject({ status, action, name: 'InvalidTransitionError' });
    const message = (thrown as Error).message;
    expect(message).toContain(status);
    expect(message).toContain(action);
  });

  it('ignores inherited object keys from untyped callers', () => {
    expect(canDo('closed', 'constructor' as CaseAction)).toBe(false);
    expect(canDo('constructor' as CaseStatus, 'withdraw')).toBe(false);
    expect(() => nextStatus('received', 'toString' as CaseAction)).toThrow(InvalidTransitionError);
  });
});

describe('allowedActions', () => {
  it.each(STATUSES)('lists what %s allows, in declaration order', (status) => {
    const expected = ACTIONS.filter((action) => EXPECTED[status][action] !== undefined);
    expect(allowedActions(status)).toEqual(expected);
  });

  it('allows only post-closure bookkeeping on a closed case', () => {
    expect(allowedActions('closed')).toEqual([
      'record_court_filing',
      'record_judicial_confirmation',
      'record_follow_up',
    ]);
  });

  it('lets every open status withdraw, and not a closed one', () => {
    for (const status of STATUSES.filter((s) => s !== 'closed')) {
      expect(allowedActions(status)).toContain('withdraw');
      expect(nextStatus(status, 'withdraw')).toBe('closed');
    }
    expect(canDo('closed', 'withdraw')).toBe(false);
  });
});

describe('OPEN_STATUSES', () => {
  it('is every status but closed', () => {
    expect([...OPEN_STATUSES]).toEqual([
      'received',
      'referred',
      'assigned',
      'in_mediation',
      'pending_review',
    ]);
    expect(OPEN_STATUSES).not.toContain('closed');
  });
});
