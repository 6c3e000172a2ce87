import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import type { JsonObject } from '../../common/json.js';
import type { Case } from '../cases/case.entity.js';
import type { DocumentFacts } from '../cases/case.repository.js';
import type { CaseExtension } from '../cases/clock/case-extension.entity.js';
import type { CaseFollowUp } from '../cases/after-closure/case-follow-up.entity.js';
import type { CaseSession } from '../cases/sessions/case-session.entity.js';
import type { DocumentData, PartyData } from './document-data.js';
import { DOCUMENT_RULES, type DocumentType } from './document-types.js';

/** A party as stored in a snapshot: masked values in the clear, the full ones sealed. */
export type StoredParty = PartyData & { sealed: string };
export type StoredData = Omit<DocumentData, 'parties'> & { parties: StoredParty[] };

export interface Subject {
  partyId?: string;
  session?: CaseSession;
  extension?: CaseExtension;
  followUp?: CaseFollowUp;
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** Everything `type` prints, from the case's facts; the party's full ID number, phone and address sealed. */
export function takeSnapshot(
  facts: DocumentFacts,
  cipher: FieldCipher,
  c: Case,
  type: DocumentType,
  subject: Subject,
  issuedAt: Date,
): StoredData {
  const { parties, children, court, village, township, tracking, outcome } = facts;
  const { mediator, profile, organization, clerk, visitor } = facts;
  const data: StoredData = {
    type,
    issuedAt: issuedAt.toISOString(),
    case: {
      caseNumber: c.caseNumber,
      courtReference: c.courtReference,
      courtName: court?.name ?? '',
      courtCaseNumber: tracking?.courtCaseNumber ?? null,
      mediationKind: c.mediationKind,
      disputeType: c.disputeType,
      summary: c.summary,
      claims: c.claims,
      village: `${township?.name ?? ''}${village?.name ?? ''}`,
      receivedAt: c.receivedAt.toISOString(),
      acceptedAt: iso(c.acceptedAt),
      deadlineAt: iso(c.deadlineAt),
      closedAt: iso(c.closedAt),
      result: c.result ?? outcome?.result ?? null,
      route: c.route ?? outcome?.route ?? null,
      closureReason: c.closureReason,
    },
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      gender: p.gender,
      birthDate: p.birthDate,
      ethnicity: p.ethnicity,
      occupation: p.occupation,
      idNumber: p.idNumberMasked,
      phone: p.phoneMasked,
      address: null,
      sealed: cipher.encrypt(
        JSON.stringify({
          idNumber: cipher.decrypt(p.idNumberEncrypted),
          phone: p.phoneEncrypted ? cipher.decrypt(p.phoneEncrypted) : null,
          address: p.addressEncrypted ? cipher.decrypt(p.addressEncrypted) : null,
        }),
      ),
    })),
    children: children.map((ch) => ({
      id: ch.id,
      name: ch.name,
      gender: ch.gender,
      birthDate: ch.birthDate,
    })),
    mediator: mediator ? { name: mediator.displayName, title: profile?.title ?? null } : null,
    organization: organization?.name ?? null,
    // A clerk's own phone is personal data; the court's switchboard is not modelled yet.
    clerk: clerk ? { name: clerk.displayName, phone: null } : null,
  };
  if (subject.partyId) data.partyId = subject.partyId;
  if (subject.session) {
    const s = subject.session;
    data.session = {
      scheduledAt: s.scheduledAt.toISOString(),
      location: s.location,
      mode: s.mode,
      format: s.format,
      record: s.record ?? {},
    };
  }
  if (subject.extension) {
    const e = subject.extension;
    data.extension = {
      days: e.days,
      reason: e.reason,
      previousDeadline: e.previousDeadline.toISOString(),
      newDeadline: e.newDeadline.toISOString(),
      applicantConsentAt: e.applicantConsentAt.toISOString(),
      respondentConsentAt: e.respondentConsentAt.toISOString(),
    };
  }
  if (subject.followUp) {
    const f = subject.followUp;
    data.followUp = {
      kind: f.kind,
      dueOn: f.dueOn,
      visitedAt: iso(f.visitedAt),
      partyName: parties.find((p) => p.id === f.partyId)?.name ?? null,
      performance: f.performance,
      satisfaction: f.satisfaction,
      riskSigns: f.riskSigns,
      measures: f.measures,
      visitor: visitor?.displayName ?? null,
    };
  }
  if (
    outcome &&
    ['mediation_agreement', 'judicial_confirmation_application', 'termination_notice'].includes(
      type,
    )
  ) {
    data.outcome = {
      result: outcome.result,
      route: outcome.route,
      agreement: outcome.agreement,
      notes: outcome.notes,
      undisputedFacts: outcome.undisputedFacts,
      submittedAt: outcome.submittedAt.toISOString(),
    };
  }
  return data;
}

/** What the renderer gets: the sealed values opened, ID numbers in full only where the law asks. */
export function openSnapshot(cipher: FieldCipher, stored: StoredData): DocumentData {
  const full = DOCUMENT_RULES[stored.type].fullIdNumbers;
  return {
    ...stored,
    parties: stored.parties.map(({ sealed, ...p }) => {
      const open = JSON.parse(cipher.decrypt(sealed)) as {
        idNumber: string;
        phone: string | null;
        address: string | null;
      };
      return {
        ...p,
        idNumber: full ? open.idNumber : p.idNumber,
        phone: open.phone,
        address: open.address,
      };
    }),
  };
}

/** The snapshot as the API shows it: masked values only. */
export function snapshotView(stored: JsonObject): JsonObject {
  const data = stored as unknown as StoredData;
  return {
    ...stored,
    parties: data.parties.map(({ sealed: _sealed, ...p }) => p),
  } as unknown as JsonObject;
}
