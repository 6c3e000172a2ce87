// Which documents exist, who issues them and when. Pure: no Nest, no I/O.
import type { CaseStatus } from '../cases/case-status.js';
import type { Role } from '../users/user.entity.js';

export const DOCUMENT_TYPES = [
  'referral_letter',
  'rights_notice',
  'session_record',
  'extension_consent',
  'mediation_agreement',
  'termination_notice',
  'judicial_confirmation_application',
  'follow_up_record',
  'case_file',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** What a document is about besides its case: one per party, session, extension or follow-up. */
export type SubjectKind = 'case' | 'party' | 'session' | 'extension' | 'follow_up';

export interface DocumentRule {
  title: string;
  subject: SubjectKind;
  /** Roles that issue it in practice. */
  issuers: readonly Role[];
  /** Case statuses in which it may be issued. */
  statuses: readonly CaseStatus[];
  /** The full national ID number is printed (the law asks for it); elsewhere it is masked. */
  fullIdNumbers: boolean;
  /** Holds what was said in mediation: never shown to clerks (调解过程不公开). */
  confidential: boolean;
  /**
   * It presupposes the supervisor's approval of the outcome: `required` an approved outcome;
   * `if_any` approved if one was submitted (a case closed without an outcome, e.g. expired, has
   * nothing to wait for).
   */
  approval?: 'required' | 'if_any';
  /** May be issued as a 草稿 for the parties to read before the approval (marked on every page). */
  draftable?: boolean;
}

const AFTER_ASSIGNMENT: readonly CaseStatus[] = ['assigned', 'in_mediation'];
const SETTLED: readonly CaseStatus[] = ['pending_review', 'closed'];

export const DOCUMENT_RULES: Record<DocumentType, DocumentRule> = {
  referral_letter: {
    title: '委派调解函',
    subject: 'case',
    issuers: ['clerk', 'supervisor'],
    statuses: AFTER_ASSIGNMENT,
    fullIdNumbers: false,
    confidential: false,
  },
  rights_notice: {
    title: '诉前调解告知书',
    subject: 'party',
    issuers: ['clerk', 'mediator', 'supervisor'],
    statuses: ['referred', ...AFTER_ASSIGNMENT],
    fullIdNumbers: false,
    confidential: false,
  },
  session_record: {
    title: '调解笔录',
    subject: 'session',
    issuers: ['mediator', 'supervisor'],
    statuses: ['in_mediation', ...SETTLED],
    fullIdNumbers: false,
    confidential: true,
  },
  extension_consent: {
    title: '延长调解期限同意书',
    subject: 'extension',
    issuers: ['mediator', 'supervisor'],
    statuses: ['in_mediation', ...SETTLED],
    fullIdNumbers: false,
    confidential: false,
  },
  mediation_agreement: {
    title: '调解协议书',
    subject: 'case',
    issuers: ['mediator', 'supervisor'],
    statuses: SETTLED,
    fullIdNumbers: true,
    confidential: false,
    approval: 'required',
    draftable: true,
  },
  termination_notice: {
    title: '调解终结告知书',
    subject: 'case',
    issuers: ['clerk', 'mediator', 'supervisor'],
    statuses: ['closed'],
    fullIdNumbers: false,
    confidential: false,
  },
  judicial_confirmation_application: {
    title: '司法确认申请书',
    subject: 'case',
    issuers: ['mediator', 'supervisor'],
    statuses: SETTLED,
    fullIdNumbers: true,
    confidential: false,
    approval: 'required',
  },
  follow_up_record: {
    title: '回访记录',
    subject: 'follow_up',
    issuers: ['mediator', 'supervisor'],
    statuses: ['closed'],
    fullIdNumbers: false,
    confidential: false,
  },
  case_file: {
    title: '卷宗',
    subject: 'case',
    issuers: ['mediator', 'supervisor'],
    statuses: ['closed'],
    fullIdNumbers: false,
    confidential: true,
    approval: 'if_any',
  },
};

/** Settled results that carry an agreement, and the results a termination notice is for. */
export const AGREEMENT_RESULTS = ['divorce_agreed', 'ancillary_agreed'] as const;
export const TERMINATION_RESULTS = ['no_agreement', 'expired', 'refused', 'unsuitable'] as const;

export type IssueRefusal =
  | { ok: true }
  | {
      ok: false;
      status: 'forbidden' | 'conflict' | 'validation';
      /** Set when the refusal has its own code (otherwise NOT_ISSUER / NOT_ISSUABLE by status). */
      code?: 'DOCUMENT.OUTCOME_NOT_APPROVED';
      reason: string;
    };

/** The review of the case's current outcome: null when none was submitted (or the last was returned). */
export type OutcomeReview = 'approved' | 'pending' | null;

/**
 * Whether `role` may issue `type` (as a draft when `draft`) for a case in `status` with `result`
 * and its outcome's review (subject checks aside).
 */
export function mayIssue(
  type: DocumentType,
  role: Role,
  status: CaseStatus,
  result: string | null,
  review: OutcomeReview = null,
  draft = false,
): IssueRefusal {
  const rule = DOCUMENT_RULES[type];
  if (draft && !rule.draftable) {
    return { ok: false, status: 'validation', reason: `a ${type} is not issued as a draft` };
  }
  if (!rule.issuers.includes(role)) {
    return { ok: false, status: 'forbidden', reason: `a ${role} does not issue a ${type}` };
  }
  if (!rule.statuses.includes(status)) {
    return {
      ok: false,
      status: 'conflict',
      reason: `a ${type} cannot be issued for a case in status "${status}"`,
    };
  }
  const needs =
    type === 'mediation_agreement'
      ? AGREEMENT_RESULTS
      : type === 'judicial_confirmation_application'
        ? (['ancillary_agreed'] as const)
        : type === 'termination_notice'
          ? TERMINATION_RESULTS
          : null;
  if (needs && !(needs as readonly string[]).includes(result ?? '')) {
    return {
      ok: false,
      status: 'conflict',
      reason: `a ${type} needs a result of ${needs.join(', ')} (the case has ${result ?? 'none'})`,
    };
  }
  // A draft is for reading before the decision; once approved, only the final one is issued.
  if (draft && review === 'approved') {
    return {
      ok: false,
      status: 'conflict',
      reason: `the outcome is approved: issue the final ${type}, not a draft`,
    };
  }
  const waiting =
    rule.approval === 'required'
      ? review !== 'approved'
      : rule.approval === 'if_any' && review === 'pending';
  if (waiting && !draft) {
    return {
      ok: false,
      status: 'conflict',
      code: 'DOCUMENT.OUTCOME_NOT_APPROVED',
      reason: `a ${type} presupposes the supervisor's approval of the outcome${rule.draftable ? ' (a draft may be issued meanwhile)' : ''}`,
    };
  }
  return { ok: true };
}

/** A clerk never sees what was said in mediation. */
export function mayRead(type: DocumentType, role: Role): boolean {
  return !(DOCUMENT_RULES[type].confidential && role === 'clerk');
}
