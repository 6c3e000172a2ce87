/**
 * Who may take a case, and in what order to suggest them (docs/design/domain.md, "Mediator
 * roster"): serves the village, then the township; fewer active cases first; speciality match; DV-trained when the
 * case is flagged; never a paused mediator, one at capacity, or one with a declared conflict.
 * Pure: the service gathers the facts, and writes the reasons (message codes of
 * roster.messages.ts) in the reader's language.
 */
import type { MessageParams } from '../../common/i18n/catalogue.js';
import { SuggestionCode } from './roster.codes.js';

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

/** Why a mediator is suggested (or not): a message code and what its text names. */
export interface Reason {
  code: SuggestionCode;
  params?: MessageParams;
}

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
  reasons: Reason[];
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
        reasons: [{ code: SuggestionCode.Ineligible, params: { context: refused } }],
      };
    const reasons: Reason[] = [];
    let score = 0;
    if (m.villageIds.includes(c.villageId)) {
      score += 1000;
      reasons.push({ code: SuggestionCode.ServesVillage });
    } else {
      score += 500;
      reasons.push({ code: SuggestionCode.ServesTownship });
    }
    if (m.specialities.includes(c.disputeType)) {
      score += 200;
      reasons.push({ code: SuggestionCode.Speciality, params: { disputeType: c.disputeType } });
    }
    if (c.dvFlag) reasons.push({ code: SuggestionCode.DvTrained });
    // Spare capacity in whole cases: lighter load ranks higher.
    const spare = m.maxActiveCases - m.activeCases;
    score += Math.min(spare, 20) * 10 - m.activeCases;
    reasons.push({
      code: SuggestionCode.Load,
      params: { active: m.activeCases, max: m.maxActiveCases },
    });
    return { mediatorId: m.mediatorId, eligible: true, score, reasons };
  });
  return ranked.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.score - a.score ||
      a.mediatorId.localeCompare(b.mediatorId),
  );
}
