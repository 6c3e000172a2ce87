// The data a document is rendered from: a snapshot taken when it is issued, stored with it, so
// the same bytes can be rendered again (the case file) and the record shows what was printed.
import type { DocumentType } from './document-types.js';

export interface PartyData {
  id: string;
  role: 'applicant' | 'respondent';
  name: string;
  gender: 'female' | 'male';
  birthDate: string;
  ethnicity: string | null;
  occupation: string | null;
  /** Masked (`3702**********1234`) unless the document type carries it in full. */
  idNumber: string;
  phone: string | null;
  address: string | null;
}

export interface CaseData {
  caseNumber: string;
  courtReference: string | null;
  courtName: string;
  courtCaseNumber: string | null;
  mediationKind: string;
  disputeType: string;
  summary: string;
  claims: string;
  village: string;
  receivedAt: string;
  acceptedAt: string | null;
  deadlineAt: string | null;
  closedAt: string | null;
  result: string | null;
  route: string | null;
  closureReason: string | null;
}

export interface DocumentData {
  type: DocumentType;
  issuedAt: string;
  /** A 草稿 for the parties to read before the outcome is approved: marked on every page. */
  draft?: boolean;
  case: CaseData;
  parties: PartyData[];
  children: { id: string; name: string; gender: 'female' | 'male'; birthDate: string }[];
  mediator: { name: string; title: string | null } | null;
  organization: string | null;
  clerk: { name: string; phone: string | null } | null;
  /** The party a rights notice is addressed to. */
  partyId?: string;
  session?: {
    scheduledAt: string;
    location: string;
    mode: string;
    format: string;
    record: Record<string, unknown>;
  };
  extension?: {
    days: number;
    reason: string;
    previousDeadline: string;
    newDeadline: string;
    applicantConsentAt: string;
    respondentConsentAt: string;
  };
  outcome?: {
    result: string;
    route: string;
    agreement: Record<string, unknown> | null;
    notes: string | null;
    undisputedFacts: string | null;
    submittedAt: string;
  };
  followUp?: {
    kind: string;
    dueOn: string;
    visitedAt: string | null;
    partyName: string | null;
    performance: string | null;
    satisfaction: number | null;
    riskSigns: string | null;
    measures: string | null;
    visitor: string | null;
  };
  /**
   * case_file only: the documents it binds. Stored with their ids; handed to the renderer with
   * each one's own snapshot (`data`).
   */
  contents?: {
    title: string;
    version: number;
    issuedAt: string;
    pages: number;
    documentId?: string;
    data?: DocumentData;
    /**
     * The photographs of its signed pages (document_scans), listed after it in the contents and
     * bound after its pages; stored without `image`, handed to the renderer with the JPEG bytes.
     */
    scans?: ScanEntry[];
  }[];
}

/** A scan bound into the case file: stored as its id, page and hash; rendered from `image`. */
export interface ScanEntry {
  id: string;
  page: number | null;
  sha256: string;
  uploadedAt: string;
  image?: Uint8Array;
}
