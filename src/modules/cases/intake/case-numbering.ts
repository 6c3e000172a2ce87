import type { EntityManager } from 'typeorm';
import type { MediationKindValue } from '../case.entity.js';

/**
 * The case type's 代字 per kind of mediation, the one place it is kept. 诉前调解 is `民诉前调` in
 * the courts' type codes; an entrusted mediation during proceedings has no type code of its own
 * there, and is numbered `民诉中调` here so the two kinds never share a sequence.
 */
export const CASE_TYPE_DESIGNATORS: Readonly<Record<MediationKindValue, string>> = {
  pre_filing: '民诉前调',
  entrusted: '民诉中调',
};

/** `（2026）鲁0281民诉前调501号`: full-width brackets, court 代字, type 代字, sequence, 号. */
export const formatCaseNumber = (
  year: number,
  courtDesignator: string,
  typeDesignator: string,
  sequence: number,
): string => `（${year}）${courtDesignator}${typeDesignator}${sequence}号`;

/**
 * The next sequence for a court, case type and year, inside the creating transaction: the counter
 * row stays locked until commit (concurrent creations queue), and a rollback gives the number back.
 */
export async function nextCaseSequence(
  manager: EntityManager,
  courtId: string,
  typeDesignator: string,
  year: number,
): Promise<number> {
  const rows: { last_value: number }[] = await manager.query(
    `INSERT INTO case_number_counters (court_id, case_type, year, last_value) VALUES ($1, $2, $3, 1)
     ON CONFLICT (court_id, case_type, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
     RETURNING last_value`,
    [courtId, typeDesignator, year],
  );
  return rows[0].last_value;
}
