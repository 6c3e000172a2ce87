import type { EntityManager } from 'typeorm';

/** `(2026)J37诉前调12号`. */
export const formatCaseNumber = (year: number, courtCode: string, sequence: number): string =>
  `(${year})${courtCode}诉前调${sequence}号`;

/**
 * The next sequence for a court and year, inside the creating transaction: the counter row stays
 * locked until commit (concurrent creations queue), and a rollback gives the number back.
 */
export async function nextCaseSequence(
  manager: EntityManager,
  courtId: string,
  year: number,
): Promise<number> {
  const rows: { last_value: number }[] = await manager.query(
    `INSERT INTO case_number_counters (court_id, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (court_id, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
     RETURNING last_value`,
    [courtId, year],
  );
  return rows[0].last_value;
}
