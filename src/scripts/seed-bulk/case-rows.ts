// One case as the services would have written it: where and when it was received, its number, its
// simulated life, its parties, its children and its assignment history.
import { randomUUID } from 'node:crypto';
import type { DisputeType } from '../../modules/cases/case.entity.js';
import type { ClockDays } from '../../modules/cases/clock/case-clock.js';
import {
  CASE_TYPE_DESIGNATORS,
  formatCaseNumber,
} from '../../modules/cases/intake/case-numbering.js';
import { live } from './lives.js';
import { CHILD_GIVEN, RESIDENCES } from './names.js';
import type { Person } from './people.js';
import { between, intBetween, pick, type Rand, weighted } from './random.js';
import { Rows, T } from './tables.js';
import { DAY, iso, shanghaiYear } from './time.js';
import type { County } from './world.js';

const DISPUTES: readonly (readonly [DisputeType, number])[] = [
  ['divorce', 45],
  ['custody', 12],
  ['child_support', 12],
  ['visitation', 6],
  ['property', 12],
  ['elder_support', 8],
  ['other', 5],
];
const SOURCES = [
  ['court_referral', 70],
  ['party_application', 20],
  ['sentinel_report', 7],
  ['other', 3],
] as const;
const TEXTS: Record<DisputeType, [summary: string, claims: string]> = {
  divorce: [
    '双方婚后因家庭琐事经常发生争吵，感情逐渐淡漠，已分居{n}个月，申请人起诉离婚。',
    '请求解除婚姻关系，婚生子女由申请人抚养，依法分割夫妻共同财产。',
  ],
  custody: [
    '双方离婚后就子女的抚养问题发生争议，子女现随被申请人生活{n}个月。',
    '请求变更子女抚养关系，子女由申请人直接抚养。',
  ],
  child_support: [
    '被申请人自离婚后已有{n}个月未按协议支付子女抚养费。',
    '请求被申请人按月支付子女抚养费{m}元并补付拖欠部分。',
  ],
  visitation: ['申请人近{n}个月探望子女多次受到被申请人阻挠。', '请求确定探望子女的时间和方式。'],
  property: [
    '双方就婚姻存续期间购置的房产及车辆的分割发生争议，协商{n}次未果。',
    '请求依法分割夫妻共同财产，房产归申请人所有并由其支付折价款{m}元。',
  ],
  elder_support: [
    '申请人年老体弱、患病{n}年，被申请人未尽赡养义务。',
    '请求被申请人每月支付赡养费{m}元并承担医疗费用。',
  ],
  other: ['双方因家庭事务发生纠纷，持续{n}个月。', '请求调解解决双方纠纷。'],
};

/** The rows of one batch, inserted in this order (the others reference the case). */
export interface CaseRows {
  cases: Rows;
  parties: Rows;
  children: Rows;
  assignments: Rows;
}

export const caseRows = (): CaseRows => ({
  cases: new Rows(T.cases),
  parties: new Rows(T.parties),
  children: new Rows(T.children),
  assignments: new Rows(T.assignments),
});

/** What every case draws on, shared across the run. */
export interface CaseContext {
  now: number;
  counties: County[];
  /** Cumulative county weights, for picking a case's court. */
  countyCdf: number[];
  countyTotal: number;
  people: Record<'female' | 'male', Person[]>;
  /** Last case number sequence by `county index:year`. */
  counters: Map<string, number>;
  /** The legal clock's days, from config. */
  clock: ClockDays;
}

/** Generates the case received at `received` and appends its rows to `rows`. */
export function pushCase(rand: Rand, ctx: CaseContext, received: number, rows: CaseRows): void {
  const { now, counties, countyCdf, countyTotal, people, counters } = ctx;
  const { cases, parties, children, assignments } = rows;
  const r = rand() * countyTotal;
  let ci = 0;
  while (countyCdf[ci] <= r && ci < countyCdf.length - 1) ci++;
  const county = counties[ci];
  const rv = rand() * county.villageCdf[county.villageCdf.length - 1];
  let lo = 0;
  let hi = county.villageCdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (county.villageCdf[mid] <= rv) lo = mid + 1;
    else hi = mid;
  }
  const [ti, vi] = county.villageRefs[lo];
  const township = county.townships[ti];
  const village = township.villages[vi];

  const year = shanghaiYear(received);
  const kind = rand() < 0.85 ? 'pre_filing' : 'entrusted';
  const caseType = CASE_TYPE_DESIGNATORS[kind];
  const counterKey = `${ci}:${caseType}:${year}`;
  const sequence = (counters.get(counterKey) ?? 0) + 1;
  counters.set(counterKey, sequence);
  const dispute = weighted(rand, DISPUTES);
  const source = weighted(rand, SOURCES);
  const dv = rand() < 0.08;
  const life = live(
    rand,
    received,
    now,
    kind,
    dispute,
    dv,
    village.mediator,
    township.mediatorIds.length,
    ctx.clock,
  );
  const current = life.assignments[life.assignments.length - 1];
  const caseId = randomUUID();
  const [summaryText, claimsText] = TEXTS[dispute];
  cases.push(
    caseId,
    formatCaseNumber(year, county.courtDesignator, caseType, sequence),
    county.courtId,
    year,
    sequence,
    source === 'court_referral' && rand() < 0.4
      ? `（${year}）${county.courtDesignator}${caseType.slice(0, -1)}${sequence}号`
      : null,
    kind,
    dispute,
    source,
    summaryText.replace('{n}', String(intBetween(rand, 2, 24))),
    claimsText.replace('{m}', String(intBetween(rand, 5, 40) * 100)),
    iso(received),
    village.id,
    village.path,
    life.status,
    life.result,
    life.route,
    dv,
    current ? township.mediatorIds[current.mediator] : null,
    life.acceptedAt === null ? null : iso(life.acceptedAt),
    life.deadlineAt === null ? null : iso(life.deadlineAt),
    life.closedAt === null ? null : iso(life.closedAt),
    life.closureReason,
    life.version,
    county.clerkId,
    iso(received),
    iso(life.updatedAt),
  );
  for (const [i, a] of life.assignments.entries()) {
    const last = i === life.assignments.length - 1;
    const endedAt = a.declinedAt ?? (last ? life.closedAt : null);
    assignments.push(
      randomUUID(),
      caseId,
      township.mediatorIds[a.mediator],
      township.supervisorId,
      iso(a.at),
      a.acceptedAt === null ? null : iso(a.acceptedAt),
      endedAt === null ? null : iso(endedAt),
      a.declinedAt !== null ? 'declined' : endedAt !== null ? 'closed' : null,
      iso(a.at),
    );
  }
  // An applicant and a respondent; in divorces mostly the wife applies.
  const applicantGender =
    dispute === 'divorce' ? (rand() < 0.65 ? 'female' : 'male') : rand() < 0.5 ? 'female' : 'male';
  const respondentGender =
    dispute === 'divorce'
      ? applicantGender === 'female'
        ? 'male'
        : 'female'
      : rand() < 0.5
        ? 'female'
        : 'male';
  const applicant = pick(rand, people[applicantGender]);
  let respondent = pick(rand, people[respondentGender]);
  while (respondent === applicant) respondent = pick(rand, people[respondentGender]);
  for (const [role, p] of [
    ['applicant', applicant],
    ['respondent', respondent],
  ] as const) {
    parties.push(
      randomUUID(),
      caseId,
      role,
      p.name,
      p.gender,
      p.idEncrypted,
      p.idIndex,
      p.idMasked,
      p.birthDate,
      p.ethnicity,
      p.occupation,
      p.phoneEncrypted,
      p.phoneIndex,
      p.phoneMasked,
      p.addressEncrypted,
      rand() < 0.7 ? village.id : null,
      iso(received),
    );
  }
  if (
    (dispute === 'divorce' ||
      dispute === 'custody' ||
      dispute === 'child_support' ||
      dispute === 'visitation') &&
    rand() < 0.7
  ) {
    const father = applicant.gender === 'male' ? applicant : respondent;
    const kids = rand() < 0.7 ? 1 : 2;
    const earliest = Math.max(Date.UTC(2006, 0, 1), Date.parse(father.birthDate) + 20 * 365 * DAY);
    for (let k = 0; k < kids; k++) {
      const birth = between(rand, earliest, Math.max(earliest, received - 180 * DAY));
      children.push(
        randomUUID(),
        caseId,
        father.surname + pick(rand, CHILD_GIVEN),
        rand() < 0.5 ? 'female' : 'male',
        iso(birth).slice(0, 10),
        pick(rand, RESIDENCES),
        iso(received),
      );
    }
  }
}
