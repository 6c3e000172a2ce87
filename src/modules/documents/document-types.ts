// Which documents exist, who issues them and when. Pure: no Nest, no I/O.
import type { MessageParams } from '../../common/i18n/catalogue.js';
import { LABELS } from '../../common/i18n/labels.js';
import type { CaseStatus } from '../cases/case-status.js';
import type { Role } from '../../common/auth/roles.js';
import { DocumentCode } from './documents.codes.js';

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
    title: LABELS.documentType.referral_letter,
    subject: 'case',
    issuers: ['clerk', 'supervisor'],
    statuses: AFTER_ASSIGNMENT,
    fullIdNumbers: false,
    confidential: false,
  },
  rights_notice: {
    title: LABELS.documentType.rights_notice,
    subject: 'party',
    issuers: ['clerk', 'mediator', 'supervisor'],
    statuses: ['referred', ...AFTER_ASSIGNMENT],
    fullIdNumbers: false,
    confidential: false,
  },
  session_record: {
    title: LABELS.documentType.session_record,
    subject: 'session',
    issuers: ['mediator', 'supervisor'],
    statuses: ['in_mediation', ...SETTLED],
    fullIdNumbers: false,
    confidential: true,
  },
  extension_consent: {
    title: LABELS.documentType.extension_consent,
    subject: 'extension',
    issuers: ['mediator', 'supervisor'],
    statuses: ['in_mediation', ...SETTLED],
    fullIdNumbers: false,
    confidential: false,
  },
  mediation_agreement: {
    title: LABELS.documentType.mediation_agreement,
    subject: 'case',
    issuers: ['mediator', 'supervisor'],
    statuses: SETTLED,
    fullIdNumbers: true,
    confidential: false,
    approval: 'required',
    draftable: true,
  },
  termination_notice: {
    title: LABELS.documentType.termination_notice,
    subject: 'case',
    issuers: ['clerk', 'mediator', 'supervisor'],
    statuses: ['closed'],
    fullIdNumbers: false,
    confidential: false,
  },
  judicial_confirmation_application: {
    title: LABELS.documentType.judicial_confirmation_application,
    subject: 'case',
    issuers: ['mediator', 'supervisor'],
    statuses: SETTLED,
    fullIdNumbers: true,
    confidential: false,
    approval: 'required',
  },
  follow_up_record: {
    title: LABELS.documentType.follow_up_record,
    subject: 'follow_up',
    issuers: ['mediator', 'supervisor'],
    statuses: ['closed'],
    fullIdNumbers: false,
    confidential: false,
  },
  case_file: {
    title: LABELS.documentType.case_file,
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
      /** The message code (documents.messages.ts) and what its text names. */
      code:
        | typeof DocumentCode.NotDraftable
        | typeof DocumentCode.NotIssuer
        | typeof DocumentCode.NotIssuable
        | typeof DocumentCode.OutcomeNotApproved;
      params: MessageParams;
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
    return { ok: false, status: 'validation', code: DocumentCode.NotDraftable, params: { type } };
  }
  if (!rule.issuers.includes(role)) {
    return { ok: false, status: 'forbidden', code: DocumentCode.NotIssuer, params: { role, type } };
  }
  if (!rule.statuses.includes(status)) {
    return {
      ok: false,
      status: 'conflict',
      code: DocumentCode.NotIssuable,
      params: { context: 'status', type, status },
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
      code: DocumentCode.NotIssuable,
      params: { context: result ? 'result' : 'no_result', type, needs: [...needs], result },
    };
  }
  // A draft is for reading before the decision; once approved, only the final one is issued.
  if (draft && review === 'approved') {
    return {
      ok: false,
      status: 'conflict',
      code: DocumentCode.NotIssuable,
      params: { context: 'approved_draft', type },
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
      code: DocumentCode.OutcomeNotApproved,
      params: { type, ...(rule.draftable ? { context: 'draftable' } : {}) },
    };
  }
  return { ok: true };
}

/** A clerk never sees what was said in mediation. */
export function mayRead(type: DocumentType, role: Role): boolean {
  return !(DOCUMENT_RULES[type].confidential && role === 'clerk');
}
