/**
 * Who may take a case, and in what order to suggest them (domain.md, "Mediator roster"): serves
 * the village, then the township; fewer active cases first; speciality match; DV-trained when the
 * case is flagged; never a paused mediator, one at capacity, or one with a declared conflict.
 * Pure: the service gathers the facts.
 */

export interface CandidateFacts {
  mediatorId: string;
  active: boolean;
  villageIds: string[];
  /** Townships of the villages she serves. */
  townshipIds: string[];
  specialities: string[];
  activeCases: number;
  maxActiveCases: number;
  dvTrained: boolean;
  /** A declared conflict with a party of this case or with the case itself. */
  conflicted: boolean;
}

export interface CaseFacts {
  villageId: string;
  townshipId: string;
  disputeType: string;
  dvFlag: boolean;
}

export type Ineligibility =
  'paused' | 'conflict' | 'not_dv_trained' | 'at_capacity' | 'outside_area';

export const INELIGIBILITY_TEXT: Record<Ineligibility, string> = {
  paused: 'she is paused in the roster',
  conflict: 'she declared a conflict of interest with this case or a party',
  not_dv_trained: 'the case is DV-flagged and she has no domestic-violence training',
  at_capacity: 'she has reached her maximum of active cases',
  outside_area: "she serves neither the case's village nor its township",
};

export function ineligibility(c: CaseFacts, m: CandidateFacts): Ineligibility | null {
  if (!m.active) return 'paused';
  if (m.conflicted) return 'conflict';
  if (c.dvFlag && !m.dvTrained) return 'not_dv_trained';
  if (m.activeCases >= m.maxActiveCases) return 'at_capacity';
  if (!m.villageIds.includes(c.villageId) && !m.townshipIds.includes(c.townshipId))
    return 'outside_area';
  return null;
}

export interface Suggestion {
  mediatorId: string;
  eligible: boolean;
  score: number;
  reasons: string[];
}

/**
 * Eligible mediators first, best first; then the ineligible ones with the reason (so a supervisor
 * sees why someone she expected is missing). Ties keep a stable order by id.
 */
export function rankMediators(c: CaseFacts, candidates: CandidateFacts[]): Suggestion[] {
  const ranked = candidates.map((m): Suggestion => {
    const refused = ineligibility(c, m);
    if (refused)
      return {
        mediatorId: m.mediatorId,
        eligible: false,
        score: 0,
        reasons: [INELIGIBILITY_TEXT[refused]],
      };
    const reasons: string[] = [];
    let score = 0;
    if (m.villageIds.includes(c.villageId)) {
      score += 1000;
      reasons.push("serves the case's village");
    } else {
      score += 500;
      reasons.push("serves the case's township");
    }
    if (m.specialities.includes(c.disputeType)) {
      score += 200;
      reasons.push(`speciality: ${c.disputeType}`);
    }
    if (c.dvFlag) reasons.push('DV-trained');
    // Spare capacity in whole cases: lighter load ranks higher.
    const spare = m.maxActiveCases - m.activeCases;
    score += Math.min(spare, 20) * 10 - m.activeCases;
    reasons.push(`${m.activeCases} of ${m.maxActiveCases} active cases`);
    return { mediatorId: m.mediatorId, eligible: true, score, reasons };
  });
  return ranked.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.score - a.score ||
      a.mediatorId.localeCompare(b.mediatorId),
  );
}
