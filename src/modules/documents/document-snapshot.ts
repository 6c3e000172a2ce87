import type { DataSource } from 'typeorm';
import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import type { JsonObject } from '../../common/json.js';
import { Case } from '../cases/case.entity.js';
import { CaseChild } from '../cases/intake/case-child.entity.js';
import { CaseExtension } from '../cases/clock/case-extension.entity.js';
import { CaseFollowUp } from '../cases/after-closure/case-follow-up.entity.js';
import { CaseOutcome } from '../cases/outcome/case-outcome.entity.js';
import { CaseSession } from '../cases/sessions/case-session.entity.js';
import { CaseTracking } from '../cases/after-closure/case-tracking.entity.js';
import { Party } from '../cases/intake/party.entity.js';
import { Court } from '../courts/court.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Region } from '../regions/region.entity.js';
import { MediatorProfile } from '../roster/mediator-profile.entity.js';
import { User } from '../users/user.entity.js';
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

/** The latest outcome that was not returned for correction. */
export async function currentOutcome(ds: DataSource, caseId: string): Promise<CaseOutcome | null> {
  const outcomes = await ds
    .getRepository(CaseOutcome)
    .find({ where: { caseId }, order: { submittedAt: 'DESC' }, take: 1 });
  const latest = outcomes[0];
  return latest && latest.reviewDecision !== 'returned' ? latest : null;
}

/** Everything `type` prints, read now; the party's full ID number, phone and address sealed. */
export async function takeSnapshot(
  ds: DataSource,
  cipher: FieldCipher,
  c: Case,
  type: DocumentType,
  subject: Subject,
  issuedAt: Date,
): Promise<StoredData> {
  const [parties, children, court, village, tracking, outcome] = await Promise.all([
    ds
      .getRepository(Party)
      .find({ where: { caseId: c.id }, order: { role: 'ASC', createdAt: 'ASC' } }),
    ds.getRepository(CaseChild).find({ where: { caseId: c.id }, order: { birthDate: 'ASC' } }),
    ds.getRepository(Court).findOneBy({ id: c.courtId }),
    ds.getRepository(Region).findOneBy({ id: c.regionId }),
    ds.getRepository(CaseTracking).findOneBy({ caseId: c.id }),
    currentOutcome(ds, c.id),
  ]);
  const mediator = c.mediatorId
    ? await ds.getRepository(User).findOneBy({ id: c.mediatorId })
    : null;
  const profile = c.mediatorId
    ? await ds.getRepository(MediatorProfile).findOneBy({ userId: c.mediatorId })
    : null;
  const orgId = profile?.organizationId ?? mediator?.organizationId ?? null;
  const organization = orgId ? await ds.getRepository(Organization).findOneBy({ id: orgId }) : null;
  const clerk = await ds.getRepository(User).findOneBy({ id: c.createdBy });
  const township = village?.parentId
    ? await ds.getRepository(Region).findOneBy({ id: village.parentId })
    : null;
  const visitor = subject.followUp?.visitedBy
    ? await ds.getRepository(User).findOneBy({ id: subject.followUp.visitedBy })
    : null;

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
