import {
  addCounterText,
  COUNTERS,
  CROSS_BASIS_COUNTERS,
  DURATION_BUCKETS,
  figuresOf,
  INDEX,
  medianOfHistogram,
  zeroCounters,
} from './stats-figures.js';

/** A histogram of 62 buckets (0 … 60 days, then longer) from a list of durations. */
const histogram = (...days: number[]): number[] => {
  const counts = new Array<number>(DURATION_BUCKETS.length).fill(0);
  for (const d of days) counts[Math.min(d, DURATION_BUCKETS.length - 1)] += 1;
  return counts;
};

describe('medianOfHistogram', () => {
  it('is null over nothing', () => {
    expect(medianOfHistogram(histogram())).toBeNull();
  });

  it('is the middle duration of an odd count', () => {
    expect(medianOfHistogram(histogram(3))).toBe(3);
    expect(medianOfHistogram(histogram(30, 1, 7))).toBe(7);
    expect(medianOfHistogram(histogram(0, 0, 59))).toBe(0);
  });

  it('is the mean of the two middle durations of an even count', () => {
    expect(medianOfHistogram(histogram(10, 18))).toBe(14);
    expect(medianOfHistogram(histogram(10, 11))).toBe(10.5);
    expect(medianOfHistogram(histogram(5, 5, 9, 40))).toBe(7);
  });

  it('is exact at 60 days and null when a middle duration is only known as longer', () => {
    expect(medianOfHistogram(histogram(5, 60, 70))).toBe(60);
    expect(medianOfHistogram(histogram(5, 60, 70, 80))).toBeNull();
    expect(medianOfHistogram(histogram(1, 2, 3, 90))).toBe(2.5);
  });
});

describe('figuresOf', () => {
  it('takes the median over the basis cohort, beside the average', () => {
    const received = zeroCounters();
    received[INDEX.closed_mediated] = 3;
    received[INDEX.duration_days] = 62;
    for (const d of [10, 18, 34]) received[INDEX[DURATION_BUCKETS[d].name]] += 1;
    const f = figuresOf(received, zeroCounters(), 'received');
    expect(f.medianDurationDays).toMatchObject({ value: 18, cases: 3 });
    expect(f.averageDurationDays).toMatchObject({ value: 20.67, numerator: 62, denominator: 3 });
    expect(figuresOf(received, zeroCounters(), 'closed').medianDurationDays.value).toBeNull();
  });

  it('counts every bucket among the counters the cubes are summed by', () => {
    expect(COUNTERS).toEqual(expect.arrayContaining(DURATION_BUCKETS.map((b) => b.name)));
    expect(new Set(COUNTERS).size).toBe(COUNTERS.length);
  });
});

describe('addCounterText', () => {
  it('adds each integer of the text to its counter', () => {
    const into = zeroCounters();
    const text = (values: number[]) => values.join(',');
    const first = COUNTERS.map((_, i) => i * 1000 + 7);
    const second = COUNTERS.map((_, i) => (i % 2 === 0 ? 0 : -i));
    addCounterText(into, text(first));
    addCounterText(into, text(second));
    expect([...into]).toEqual(COUNTERS.map((_, i) => first[i] + second[i]));
    expect(into[INDEX.cases]).toBe(7);
  });

  it('adds a prefix of the counters when told how many the text holds', () => {
    const into = zeroCounters();
    addCounterText(into, '5,3,-2', CROSS_BASIS_COUNTERS.length);
    expect(into.slice(0, 4)).toEqual([5, 3, -2, 0]);
    expect(CROSS_BASIS_COUNTERS.map((c) => INDEX[c])).toEqual([0, 1, 2]);
    expect(() => addCounterText(zeroCounters(), '5,3', CROSS_BASIS_COUNTERS.length)).toThrow(
      /expected 3 counters, got 2/,
    );
  });

  it('refuses a text that is not one integer per counter', () => {
    expect(() => addCounterText(zeroCounters(), '1,2,3')).toThrow(/expected/);
    expect(() => addCounterText(zeroCounters(), COUNTERS.map(() => '1.5').join(','))).toThrow(
      /not a list of integers/,
    );
  });
});
