// One case's life, simulated up to `now`: the status is wherever the timeline has reached.
import { type ClockDays, deadline, mediationDays } from '../../modules/cases/clock/case-clock.js';
import type { DisputeType } from '../../modules/cases/case.entity.js';
import type { CaseStatus } from '../../modules/cases/case-status.js';
import { ALLOWED_ROUTES, type ClosureResult } from '../../modules/cases/outcome/outcome-routes.js';
import { between, intBetween, type Rand, weighted } from './random.js';
import { DAY, HOUR } from './time.js';

export interface Life {
  status: CaseStatus;
  result: ClosureResult | null;
  route: string | null;
  closureReason: string | null;
  acceptedAt: number | null;
  deadlineAt: number | null;
  closedAt: number | null;
  version: number;
  updatedAt: number;
  /** Assignments in order; the last is the current one. */
  assignments: {
    mediator: number;
    at: number;
    acceptedAt: number | null;
    declinedAt: number | null;
  }[];
}

function outcomeOf(rand: Rand, dispute: DisputeType): ClosureResult {
  return dispute === 'divorce'
    ? weighted<ClosureResult>(rand, [
        ['reconciled', 25],
        ['divorce_agreed', 40],
        ['ancillary_agreed', 5],
        ['no_agreement', 30],
      ])
    : weighted<ClosureResult>(rand, [
        ['reconciled', 15],
        ['ancillary_agreed', 50],
        ['no_agreement', 35],
      ]);
}

export function live(
  rand: Rand,
  received: number,
  now: number,
  kind: 'pre_filing' | 'entrusted',
  dispute: DisputeType,
  dv: boolean,
  homeMediator: number,
  mediators: number,
  clock: ClockDays,
): Life {
  const life: Life = {
    status: 'received',
    result: null,
    route: null,
    closureReason: null,
    acceptedAt: null,
    deadlineAt: null,
    closedAt: null,
    version: 1,
    updatedAt: received,
    assignments: [],
  };
  const step = (at: number): boolean => {
    if (at > now) return false;
    life.version += 1;
    life.updatedAt = at;
    return true;
  };
  const close = (at: number, result: ClosureResult, reason: string | null): Life => {
    if (!step(at)) return life;
    life.status = 'closed';
    life.result = result;
    life.route = weighted(
      rand,
      ALLOWED_ROUTES[result].map((r, i) => [r, i === 0 ? 6 : 4] as const),
    );
    life.closedAt = at;
    life.closureReason = reason;
    return life;
  };
  // Consent and screening of both parties (four writes), then refusal, unsuitability or referral.
  const screened = received + between(rand, 0.2, 4) * DAY;
  for (let i = 0; i < 4; i++)
    if (!step(received + ((i + 1) / 4) * (screened - received))) return life;
  const fate = rand();
  if (fate < 0.05) return close(screened, 'refused', 'a party refused mediation');
  if (fate < 0.05 + (dv ? 0.3 : 0.02))
    return close(screened, 'unsuitable', 'screening: not suitable for mediation');
  if (!step(screened)) return life;
  life.status = 'referred';
  // Assignment, sometimes declined once and given to another mediator of the township.
  let at = screened + between(rand, 0.1, 2) * DAY;
  let mediator =
    rand() < 0.85 || mediators === 1 ? homeMediator : intBetween(rand, 0, mediators - 1);
  if (!step(at)) return life;
  life.status = 'assigned';
  life.assignments.push({ mediator, at, acceptedAt: null, declinedAt: null });
  if (rand() < 0.04 && mediators > 1) {
    const declined = at + between(rand, 0.1, 2) * DAY;
    if (!step(declined)) return life;
    life.assignments[0].declinedAt = declined;
    life.status = 'referred';
    at = declined + between(rand, 0.1, 1) * DAY;
    mediator = (mediator + 1 + intBetween(rand, 0, mediators - 2)) % mediators;
    if (!step(at)) return life;
    life.status = 'assigned';
    life.assignments.push({ mediator, at, acceptedAt: null, declinedAt: null });
  }
  const accepted = at + between(rand, 0.1, 3) * DAY;
  if (!step(accepted)) return life;
  const days = mediationDays(kind, clock);
  life.status = 'in_mediation';
  life.acceptedAt = accepted;
  life.deadlineAt = deadline(kind, new Date(accepted), clock).getTime();
  life.assignments[life.assignments.length - 1].acceptedAt = accepted;
  const sessions = intBetween(rand, 1, 3);
  const end = rand();
  if (end < 0.06) {
    const withdrawn = accepted + between(rand, 1, days * 0.8) * DAY;
    for (let i = 1; i <= sessions; i++)
      if (!step(accepted + (i / (sessions + 1)) * (withdrawn - accepted))) return life;
    return close(withdrawn, 'withdrawn', '申请人撤回调解申请');
  }
  if (end < 0.09) {
    // The expiry sweep closes it within a minute of the deadline.
    const expired = life.deadlineAt + between(rand, 1_000, 60_000);
    for (let i = 1; i <= sessions; i++)
      if (!step(accepted + (i / (sessions + 1)) * (expired - accepted))) return life;
    return close(expired, 'expired', 'the mediation period ended without an outcome');
  }
  const submitted = Math.min(
    accepted + between(rand, 2, days - 0.5) * DAY,
    life.deadlineAt - between(rand, 0, 6) * HOUR,
  );
  for (let i = 1; i <= sessions; i++)
    if (!step(accepted + (i / (sessions + 1)) * (submitted - accepted))) return life;
  if (!step(submitted)) return life;
  life.status = 'pending_review';
  // A few reviews are forgotten: those cases stay pending past their deadline (overdue).
  if (rand() < 0.001) return life;
  const approved = submitted + -Math.log(1 - rand()) * 2 * DAY;
  return close(approved, outcomeOf(rand, dispute), null);
}
