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

export const BREAKDOWN_SCHEMA = object<keyof StatsBreakdown>({
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
});

/** The breakdown as JSON text (the answer is kept as bytes: see StatsCache). */
export const breakdownJson: (breakdown: StatsBreakdown) => string = fastJson(BREAKDOWN_SCHEMA);
