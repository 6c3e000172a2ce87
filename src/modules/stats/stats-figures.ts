/**
 * The figures of docs/design/domain.md "Statistics", from summed rollup counters: every rate
 * states its numerator, denominator and definition, and a rate over nothing is null, never 0. Pure.
 */

/**
 * The durations histogram of the cubes (migration AddCaseStatsDurations): cases that entered
 * mediation and closed, by Asia/Shanghai days from acceptance to closure, 0 to 60 and longer. The
 * per-case facts hold only `duration_days`; `when` derives a bucket from it.
 */
export const LONGEST_COUNTED_DURATION = 60;
type Bucket = `dur_${string}`;
export const DURATION_BUCKETS: readonly { name: Bucket; when: string }[] = [
  ...Array.from({ length: LONGEST_COUNTED_DURATION + 1 }, (_, day) => ({
    name: `dur_${String(day).padStart(2, '0')}` as Bucket,
    when: `duration_days = ${day}`,
  })),
  {
    name: `dur_${LONGEST_COUNTED_DURATION + 1}_plus` as Bucket,
    when: `duration_days > ${LONGEST_COUNTED_DURATION}`,
  },
];

/** A bucket counted from a per-case fact row (or the view), as SQL: 1 when the case is in it. */
export const bucketOfFact = (bucket: { when: string }): string =>
  `(closed_mediated = 1 AND ${bucket.when})::int`;

/**
 * The counters read from the basis other than the one a figure's rates are over: the received
 * cases (received, accepted, open, the closure rate) or the cases closed in the period (closed).
 * They come first among the counters, so they are read as a prefix.
 */
export const CROSS_BASIS_COUNTERS = ['cases', 'accepted', 'closed'] as const;
/** The rollup's scalar counters (migration AddCaseStats), kept per case in the facts too. */
export const SCALAR_COUNTERS = [
  ...CROSS_BASIS_COUNTERS,
  'closed_mediated',
  'succeeded',
  'reconciled',
  'divorce_agreed',
  'ancillary_agreed',
  'no_agreement',
  'withdrawn',
  'refused',
  'unsuitable',
  'expired',
  'on_time',
  'duration_days',
  'jc_applied',
  'followed_up',
  'performed',
] as const;
/** Every counter of a cube row, summed over the rows of a period and scope. */
export const COUNTERS: readonly Counter[] = [
  ...SCALAR_COUNTERS,
  ...DURATION_BUCKETS.map((b) => b.name),
];
export type Counter = (typeof SCALAR_COUNTERS)[number] | Bucket;
/**
 * Summed counters, in the order of COUNTERS: a plain array of numbers indexed by position (a
 * breakdown adds up hundreds of rows of 80 counters; named properties looked up by a variable key
 * made that slow, and allocating a typed array for each row cost more than filling a plain one).
 */
export type Counters = number[];
/** Each counter's position in Counters. */
export const INDEX = Object.fromEntries(COUNTERS.map((c, i) => [c, i])) as Record<Counter, number>;
/** The durations histogram is the tail of Counters. */
const HISTOGRAM_START = SCALAR_COUNTERS.length;

export const RESULT_KINDS = [
  'reconciled',
  'divorce_agreed',
  'ancillary_agreed',
  'no_agreement',
  'withdrawn',
  'refused',
  'unsuitable',
  'expired',
] as const;

export type Basis = 'received' | 'closed';

export const zeroCounters = (): Counters => new Array<number>(COUNTERS.length).fill(0);

/**
 * Adds the comma-separated integers of `text` (the sums as PostgreSQL sends them, one text column)
 * to the first `count` counters of `into`, in order. Read digit by digit: splitting the text and
 * converting each number cost ~5 ms for a city's breakdown. The text must hold exactly `count`
 * integers.
 */
export function addCounterText(into: Counters, text: string, count = into.length): void {
  let at = 0;
  let value = 0;
  let sign = 1;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 /* , */) {
      into[at++] += sign * value;
      value = 0;
      sign = 1;
    } else if (c === 45 /* - */) {
      sign = -1;
    } else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
    } else {
      throw new Error(`not a list of integers: ${text.slice(0, 40)}`);
    }
  }
  if (at !== count - 1) throw new Error(`expected ${count} counters, got ${at + 1}`);
  into[at] += sign * value;
}

export interface Rate {
  /** numerator ÷ denominator, rounded to 4 places; null when the denominator is 0. */
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}

export interface Figures {
  received: number;
  accepted: number;
  closed: number;
  open: number;
  results: Record<(typeof RESULT_KINDS)[number], number>;
  rates: {
    closureRate: Rate;
    successRate: Rate;
    successRateOfAllClosed: Rate;
    withdrawalRate: Rate;
    onTimeRate: Rate;
    judicialConfirmationRate: Rate;
    performanceRate: Rate;
  };
  averageDurationDays: Rate;
  medianDurationDays: Median;
}

export interface Median {
  /** The middle duration (the mean of the two middle ones for an even count); null over none. */
  value: number | null;
  /** How many durations it is the median of. */
  cases: number;
  definition: string;
}

/**
 * The median of the durations a histogram counts (`counts[start + d]` cases of d days, the last
 * bucket every longer one): null when it counts none, or when a middle duration lies in the last
 * bucket.
 */
export function medianOfHistogram(counts: ArrayLike<number>, start = 0): number | null {
  const buckets = counts.length - start;
  let n = 0;
  for (let day = 0; day < buckets; day++) n += counts[start + day];
  if (n === 0) return null;
  // The day of the duration at a 1-based position.
  const dayAt = (position: number): number => {
    let seen = 0;
    for (let day = 0; day < buckets; day++) {
      seen += counts[start + day];
      if (seen >= position) return day;
    }
    return buckets - 1;
  };
  const lower = dayAt(Math.floor((n + 1) / 2));
  const upper = dayAt(Math.ceil((n + 1) / 2));
  const longer = (day: number): boolean => day === buckets - 1 && day > LONGEST_COUNTED_DURATION;
  if (longer(lower) || longer(upper)) return null;
  return (lower + upper) / 2;
}

/** numerator ÷ denominator rounded to 4 places, null over nothing (a breakdown row's rate). */
const rowRate = (numerator: number, denominator: number): RowRate => ({
  value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
  numerator,
  denominator,
});

/** A rate without its definition (rows of a breakdown; the definitions are given once). */
export type RowRate = Omit<Rate, 'definition'>;
export type RowFigures = Omit<Figures, 'rates' | 'averageDurationDays' | 'medianDurationDays'> & {
  rates: Record<keyof Figures['rates'], RowRate>;
  averageDurationDays: RowRate;
  medianDurationDays: Omit<Median, 'definition'>;
};
/** What each rate, the average and the median mean. */
export type Definitions = Record<
  keyof Figures['rates'] | 'averageDurationDays' | 'medianDurationDays',
  string
>;

/**
 * The figures without their definitions: a breakdown's row, built for each of hundreds of rows.
 * `received` counts the received-basis rows, `closedInPeriod` the closed-basis rows (cases closed
 * in the period); the rates are over the cohort the basis names, except the closure rate, which is
 * over the cases received in the period by definition. Of the other basis's counters only
 * CROSS_BASIS_COUNTERS are read.
 */
export function rowFiguresOf(
  received: Counters,
  closedInPeriod: Counters,
  basis: Basis,
): RowFigures {
  const r = received;
  const c = basis === 'received' ? received : closedInPeriod;
  const mediated = c[INDEX.closed_mediated];
  return {
    received: r[INDEX.cases],
    accepted: r[INDEX.accepted],
    closed: closedInPeriod[INDEX.cases],
    open: r[INDEX.cases] - r[INDEX.closed],
    results: {
      reconciled: c[INDEX.reconciled],
      divorce_agreed: c[INDEX.divorce_agreed],
      ancillary_agreed: c[INDEX.ancillary_agreed],
      no_agreement: c[INDEX.no_agreement],
      withdrawn: c[INDEX.withdrawn],
      refused: c[INDEX.refused],
      unsuitable: c[INDEX.unsuitable],
      expired: c[INDEX.expired],
    },
    rates: {
      closureRate: rowRate(r[INDEX.closed], r[INDEX.cases]),
      successRate: rowRate(c[INDEX.succeeded], mediated),
      successRateOfAllClosed: rowRate(c[INDEX.succeeded], c[INDEX.closed]),
      withdrawalRate: rowRate(c[INDEX.withdrawn], c[INDEX.closed]),
      onTimeRate: rowRate(c[INDEX.on_time], mediated),
      judicialConfirmationRate: rowRate(c[INDEX.jc_applied], c[INDEX.ancillary_agreed]),
      performanceRate: rowRate(c[INDEX.performed], c[INDEX.followed_up]),
    },
    averageDurationDays: {
      value: mediated === 0 ? null : Math.round((c[INDEX.duration_days] / mediated) * 100) / 100,
      numerator: c[INDEX.duration_days],
      denominator: mediated,
    },
    medianDurationDays: {
      value: medianOfHistogram(c, HISTOGRAM_START),
      cases: mediated,
    },
  };
}

/** Definitions are in Chinese, as the courts and federations state them. */
function definitionsFor(basis: Basis): Definitions {
  const of = basis === 'received' ? '当期受理的案件' : '当期结案的案件';
  return {
    closureRate: '当期受理的案件中，截至目前已结案的比例（办结率）',
    successRate: `和好、协议离婚、附带事项达成协议的案件 ÷ ${of}中进入调解后结案的案件（调解成功率）`,
    successRateOfAllClosed: `和好、协议离婚、附带事项达成协议的案件 ÷ ${of}中全部已结案件`,
    withdrawalRate: `撤回的案件 ÷ ${of}中全部已结案件`,
    onTimeRate: `在有效期限（含延长）届满前结案的案件 ÷ ${of}中受理调解后结案的案件`,
    judicialConfirmationRate: `已申请司法确认的附带事项协议 ÷ ${of}中附带事项达成协议的案件`,
    performanceRate: `最近一次回访确认已履行的案件 ÷ ${of}中调解成功且已回访的案件（自动履行率）`,
    averageDurationDays: `${of}中受理调解后结案的案件，自受理至结案的北京时间自然日数之和 ÷ 案件数（平均用时，天）`,
    medianDurationDays: `${of}中受理调解后结案的案件，自受理至结案的北京时间自然日数的中位数（偶数件取中间两数的平均；超过${LONGEST_COUNTED_DURATION}天的合为一档，中位数落在该档时为空）`,
  };
}
const DEFINITIONS: Record<Basis, Definitions> = {
  received: definitionsFor('received'),
  closed: definitionsFor('closed'),
};

/** The definition of every rate, the average and the median, over the cohort `basis` names. */
export const definitionsOf = (basis: Basis): Definitions => DEFINITIONS[basis];

/** The figures with each rate's definition (the summary's, a mediator's row). */
export function figuresOf(received: Counters, closedInPeriod: Counters, basis: Basis): Figures {
  const row = rowFiguresOf(received, closedInPeriod, basis);
  const d = DEFINITIONS[basis];
  const rates = Object.fromEntries(
    Object.entries(row.rates).map(([name, r]) => [
      name,
      { ...r, definition: d[name as keyof Figures['rates']] },
    ]),
  ) as Figures['rates'];
  return {
    ...row,
    rates,
    averageDurationDays: { ...row.averageDurationDays, definition: d.averageDurationDays },
    medianDurationDays: { ...row.medianDurationDays, definition: d.medianDurationDays },
  };
}
