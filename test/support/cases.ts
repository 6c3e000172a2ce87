import { idChecksum } from '../../src/common/validation/chinese.js';
import type { TestApp } from './app.js';
import { bearer } from './world.js';

/** A valid national ID number for a birth date and gender (odd 17th digit: male). */
export function idFor(birthDate: string, gender: 'female' | 'male', serial = 1): string {
  const seq = String(serial * 2 + (gender === 'male' ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const first17 = `370281${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + idChecksum(first17);
}

export const APPLICANT_ID = idFor('1990-03-15', 'female', 12);
export const RESPONDENT_ID = idFor('1988-06-12', 'male', 7);
export const APPLICANT_PHONE = '13800000001';

export function caseBody(
  villageId: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    mediationKind: 'pre_filing',
    disputeType: 'divorce',
    source: 'court_referral',
    summary: '双方因家庭琐事产生矛盾，女方起诉离婚。',
    claims: '请求判令离婚，婚生子由原告抚养。',
    receivedAt: '2026-11-02T09:00:00+08:00',
    regionId: villageId,
    parties: [
      {
        role: 'applicant',
        name: '张某某',
        gender: 'female',
        idNumber: APPLICANT_ID,
        phone: APPLICANT_PHONE,
        address: '胶西镇胶西村12号',
        ethnicity: '汉',
        occupation: '农民',
      },
      {
        role: 'respondent',
        name: '李某某',
        gender: 'male',
        idNumber: RESPONDENT_ID,
        phone: '13900000002',
      },
    ],
    children: [
      { name: '李小某', gender: 'male', birthDate: '2016-05-01', residence: 'with_applicant' },
    ],
    ...over,
  };
}

export interface CreatedCase {
  id: string;
  version: number;
  parties: { id: string; role: string }[];
  caseNumber: string;
}

export async function createCase(
  t: TestApp,
  token: string,
  villageId: string,
  over: Record<string, unknown> = {},
): Promise<CreatedCase> {
  const res = await t
    .http()
    .post('/api/v1/cases')
    .set(bearer(token))
    .send(caseBody(villageId, over))
    .expect(201);
  return res.body as CreatedCase;
}

const NO_DV = {
  physicalViolence: false,
  threats: false,
  coerciveControl: false,
  fearOfOtherParty: false,
  childrenAtRisk: false,
  protectionOrderInForce: false,
};

/** Consents and screens every party (joint), returning the new version. */
export async function consentAndScreen(t: TestApp, token: string, c: CreatedCase): Promise<number> {
  let version = c.version;
  for (const party of c.parties) {
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/consents`)
      .set(bearer(token))
      .send({
        partyId: party.id,
        decision: 'consented',
        method: 'signed_form',
        recordedAt: '2026-11-03T10:00:00+08:00',
        version,
      })
      .expect(204);
    version += 1;
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/screenings`)
      .set(bearer(token))
      .send({ partyId: party.id, answers: NO_DV, recommendation: 'joint', version })
      .expect(204);
    version += 1;
  }
  return version;
}

export { NO_DV };

/** A case taken through referral, assignment to `mediatorId` and acceptance; returns id, version, parties, children. */
export async function caseInMediation(
  t: TestApp,
  tokens: { clerk: string; supervisor: string; mediator: string },
  villageId: string,
  mediatorId: string,
  over: Record<string, unknown> = {},
  /** Runs while the case is still `received` (e.g. a further screening); returns how many writes it made. */
  beforeRefer: (c: CreatedCase, version: number) => Promise<number> = async () => 0,
): Promise<{
  id: string;
  version: number;
  parties: { id: string; role: string }[];
  children: { id: string }[];
}> {
  const created = await t
    .http()
    .post('/api/v1/cases')
    .set(bearer(tokens.clerk))
    .send(caseBody(villageId, over))
    .expect(201);
  const c = created.body as CreatedCase & { children: { id: string }[] };
  let version = await consentAndScreen(t, tokens.clerk, c);
  version += await beforeRefer(c, version);
  const step = async (token: string, path: string, body: object = {}) => {
    await t
      .http()
      .post(`/api/v1/cases/${c.id}${path}`)
      .set(bearer(token))
      .send({ ...body, version })
      .expect(204);
    version += 1;
  };
  await step(tokens.clerk, '/refer');
  await step(tokens.supervisor, '/assignment', { mediatorId });
  await step(tokens.mediator, '/accept');
  return { id: c.id, version, parties: c.parties, children: c.children };
}
