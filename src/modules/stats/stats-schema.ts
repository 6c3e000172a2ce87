import fastJson from 'fast-json-stringify';
import type { RowFigures, RowRate } from './stats-figures.js';
import { RESULT_KINDS } from './stats-figures.js';
import type { BreakdownRow, StatsBreakdown } from './stats.service.js';

/**
 * The JSON schema of `GET /stats/breakdown`'s answer, which is serialised from it
 * (fast-json-stringify): a city's townships are ~160 KB of small objects, which JSON.stringify wrote
 * at about 2.5 times the cost. A serialiser drops what its schema does not name, so every object's
 * properties are typed as a Record over the keys of the response types: a property added to them
 * and not here fails `tsc`, and the e2e test compares the answer with the service's own.
 */
type Schema = Record<string, unknown>;
const integer: Schema = { type: 'integer' };
const string: Schema = { type: 'string' };
const object = <K extends string>(properties: Record<K, Schema>): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
});
const strings: Schema = { type: 'object', additionalProperties: string };

const rate = object<keyof RowRate>({
  value: { type: ['number', 'null'] },
  numerator: integer,
  denominator: integer,
});

const figures: Record<keyof RowFigures, Schema> = {
  received: integer,
  accepted: integer,
  closed: integer,
  open: integer,
  results: object(Object.fromEntries(RESULT_KINDS.map((kind) => [kind, integer]))),
  rates: object<keyof RowFigures['rates']>({
    closureRate: rate,
    successRate: rate,
    successRateOfAllClosed: rate,
    withdrawalRate: rate,
    onTimeRate: rate,
    judicialConfirmationRate: rate,
    performanceRate: rate,
  }),
  averageDurationDays: rate,
  medianDurationDays: object<keyof RowFigures['medianDurationDays']>({
    value: { type: ['number', 'null'] },
    cases: integer,
  }),
};

const row = object<keyof BreakdownRow>({
  key: string,
  label: string,
  ...figures,
  drillDown: strings,
});

/** Each part of the answer; `rows` is written row by row (see `breakdownBytes`). */
const parts: Record<keyof StatsBreakdown, Schema> = {
  period: object<keyof StatsBreakdown['period']>({
    from: string,
    to: string,
    basis: string,
    timeZone: string,
  }),
  by: string,
  drillDown: strings,
  rows: { type: 'array', items: row },
  totals: object<keyof StatsBreakdown['totals']>({ ...figures, drillDown: strings }),
  definitions: strings,
};

/** The whole answer (its OpenAPI response schema, stats.view.ts). */
export const breakdownSchema: Schema = object(parts);

const serialiser = (keys: (keyof StatsBreakdown)[]): ((b: StatsBreakdown) => string) =>
  fastJson(object(Object.fromEntries(keys.map((k) => [k, parts[k]]))));
const headJson = serialiser(['period', 'by', 'drillDown']);
const rowJson: (row: BreakdownRow) => string = fastJson(row);
const tailJson = serialiser(['totals', 'definitions']);

/** Where answers are written before they are copied out at their size; grows as needed. */
let scratch = Buffer.allocUnsafe(1 << 20);

/**
 * The breakdown as the UTF-8 JSON bytes the route sends (kept as bytes: see StatsCache). Written
 * part by part and row by row into one buffer: encoding the serialiser's single string for a city
 * (~160 KB, built of thousands of pieces that have to be joined first) cost ~1.5 ms more. Keys keep
 * the schema's order.
 */
export function breakdownBytes(breakdown: StatsBreakdown): Buffer {
  let at = 0;
  const put = (text: string): void => {
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
    const most = at + text.length * 3;
    if (most > scratch.length) {
      const bigger = Buffer.allocUnsafe(Math.max(most, scratch.length * 2));
      scratch.copy(bigger, 0, 0, at);
      scratch = bigger;
    }
    at += scratch.write(text, at);
  };
  put(headJson(breakdown).slice(0, -1));
  put(',"rows":[');
  breakdown.rows.forEach((r, i) => put(i === 0 ? rowJson(r) : `,${rowJson(r)}`));
  put('],');
  put(tailJson(breakdown).slice(1));
  return Buffer.from(scratch.subarray(0, at));
}
