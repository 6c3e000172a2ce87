/**
 * Re-entry (docs/design/domain.md "Statistics", 12-month re-entry rate): a closed case re-enters
 * when another case, received after its closure and at most REENTRY_DAYS later, has a party with
 * the same ID number (the parties' blind index `id_number_index`, any role on either side). The
 * one rule both the statistics (stats-reentry.ts) and the case list's `reentered` filter apply.
 */

/** "Within 12 months": 365 days of 24 hours after the closure instant. */
export const REENTRY_DAYS = 365;
const REENTRY_MS = REENTRY_DAYS * 24 * 60 * 60 * 1000;

/** True when a case received at `receivedAt` is a re-entry of a case closed at `closedAt`. Pure. */
export const reentersWithin = (closedAt: Date, receivedAt: Date): boolean =>
  receivedAt.getTime() > closedAt.getTime() &&
  receivedAt.getTime() <= closedAt.getTime() + REENTRY_MS;

/** The end of the re-entry window of a case closed at `closedAt`. Pure. */
export const reentryWindowEnd = (closedAt: Date): Date => new Date(closedAt.getTime() + REENTRY_MS);

/**
 * SQL true when the closed case `alias` re-entered (the rule of `reentersWithin`). Read through
 * the parties' (case_id) index for the case's own few parties, then IDX_parties_id_number_case
 * (id_number_index, case_id) for the other cases of the same people, then each such case by its
 * key: a few index reads per case, never the parties table. `OFFSET 0` keeps it a subplan run per
 * case: pulled up into a join, a third of a city's cases made the planner hash-join the whole
 * parties table to itself (6.5 s at 200k cases, and a person's thousand cases at 10 M would make
 * that join explode).
 */
export const reenteredSql = (alias: string): string =>
  `EXISTS (SELECT 1 FROM parties rp
    JOIN parties rq ON rq.id_number_index = rp.id_number_index AND rq.case_id <> rp.case_id
    JOIN cases rc ON rc.id = rq.case_id
    WHERE rp.case_id = ${alias}.id
      AND rc.received_at > ${alias}.closed_at
      AND rc.received_at <= ${alias}.closed_at + interval '${REENTRY_DAYS} days'
    OFFSET 0)`;
