import { randomUUID } from 'node:crypto';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';
import { apiAs, findRegion, ok, USERS, type Api } from './world';
import { expectAccessible, screenshot } from './support';

/** A valid national ID number (GB 11643 check digit) for a birth date; odd serial: male. */
export function idNumber(birthDate: string, serial: number): string {
  const first17 = `370281${birthDate.replace(/-/g, '')}${String(serial).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const NO_DV = {
  physicalViolence: false,
  threats: false,
  coerciveControl: false,
  fearOfOtherParty: false,
  childrenAtRisk: false,
  protectionOrderInForce: false,
};

/** A write answered 2xx (204 has no body), or an error naming the call and the problem. */
export async function sent(
  what: string,
  call: Promise<{ error?: unknown; response: Response }>,
): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw new Error(`${what}: ${response.status} ${JSON.stringify(error)}`);
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

export interface MadeCase {
  id: string;
  applicant: string;
  respondent: string;
}

/**
 * A case made through the real API as clerk1 and supervisor1: received, both parties consented
 * and screened, referred, and (unless `assign` is false) assigned to mediator1. `dv` screens the
 * applicant with threats and recommends shuttle mediation (背对背).
 */
export async function makeCase(opts: {
  applicant: string;
  respondent: string;
  serial: number;
  dv?: boolean;
  assign?: boolean;
  accept?: boolean;
  /** ID numbers of the applicant and the respondent (a family in several cases) instead of the serial's. */
  ids?: [string, string];
  receivedAt?: string;
}): Promise<MadeCase> {
  const clerk = await apiAs(USERS.clerk.username);
  const supervisor = await apiAs(USERS.supervisor.username);
  const village = await findRegion(clerk, '370281105201');
  const created = await ok(
    'POST /cases',
    clerk.POST('/api/v1/cases', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: {
        mediationKind: 'pre_filing',
        disputeType: 'divorce',
        source: 'court_referral',
        summary: '双方因家庭琐事产生矛盾，女方要求离婚。',
        claims: '请求离婚，婚生子由女方抚养。',
        receivedAt: opts.receivedAt ?? hoursAgo(30),
        regionId: village,
        parties: [
          {
            role: 'applicant',
            name: opts.applicant,
            gender: 'female',
            idNumber: opts.ids?.[0] ?? idNumber('1990-03-15', opts.serial * 2),
            phone: '13800000001',
            address: '胶西镇胶西村12号',
          },
          {
            role: 'respondent',
            name: opts.respondent,
            gender: 'male',
            idNumber: opts.ids?.[1] ?? idNumber('1988-06-12', opts.serial * 2 + 1),
            phone: '13900000002',
          },
        ],
        children: [
          { name: '李小某', gender: 'male', birthDate: '2016-05-01', residence: 'with_applicant' },
        ],
      },
    }),
  );
  const c = created as unknown as { id: string; version: number; parties: { id: string }[] };
  let version = c.version;
  for (const [i, party] of c.parties.entries()) {
    await sent(
      'consent',
      clerk.POST('/api/v1/cases/{id}/consents', {
        params: { path: { id: c.id } },
        body: {
          partyId: party.id,
          decision: 'consented',
          method: 'signed_form',
          recordedAt: hoursAgo(20),
          version,
        },
      }),
    );
    version += 1;
    const dv = opts.dv && i === 0;
    await sent(
      'screening',
      clerk.POST('/api/v1/cases/{id}/screenings', {
        params: { path: { id: c.id } },
        body: {
          partyId: party.id,
          answers: dv ? { ...NO_DV, threats: true } : NO_DV,
          recommendation: dv ? 'shuttle' : 'joint',
          version,
        },
      }),
    );
    version += 1;
  }
  if (opts.assign === false)
    return { id: c.id, applicant: opts.applicant, respondent: opts.respondent };
  await sent(
    'refer',
    clerk.POST('/api/v1/cases/{id}/refer', {
      params: { path: { id: c.id } },
      body: { version },
    }),
  );
  version += 1;
  const mediatorId = await mediator1Id(supervisor);
  await roomForCases(supervisor, mediatorId);
  if (opts.dv) await dvTrained(supervisor, mediatorId);
  await sent(
    'assign',
    supervisor.POST('/api/v1/cases/{id}/assignment', {
      params: { path: { id: c.id } },
      body: { mediatorId, version },
    }),
  );
  version += 1;
  if (opts.accept) {
    const mediator = await apiAs(USERS.mediator.username);
    await sent(
      'accept',
      mediator.POST('/api/v1/cases/{id}/accept', {
        params: { path: { id: c.id } },
        body: { version },
      }),
    );
  }
  return { id: c.id, applicant: opts.applicant, respondent: opts.respondent };
}

async function mediator1Id(api: Api): Promise<string> {
  const roster = await ok(
    'GET /mediators',
    api.GET('/api/v1/mediators', { params: { query: {} } }),
  );
  const m = roster.items.find((x) => x.displayName === USERS.mediator.displayName);
  if (!m) throw new Error('mediator1 is not on the roster');
  return m.id;
}

/** Enough room on her roster entry for this file's cases (a rerun after a failure adds more). */
async function roomForCases(api: Api, mediatorId: string): Promise<void> {
  await ok(
    'PATCH /mediators',
    api.PATCH('/api/v1/mediators/{id}', {
      params: { path: { id: mediatorId } },
      body: { maxActiveCases: 50 },
    }),
  );
}

let trained = false;
async function dvTrained(api: Api, mediatorId: string): Promise<void> {
  if (trained) return;
  await sent(
    'training',
    api.POST('/api/v1/mediators/{id}/trainings', {
      params: { path: { id: mediatorId } },
      body: {
        title: '反家庭暴力法专题培训',
        heldOn: '2026-09-12',
        hours: 6,
        topics: ['domestic_violence'],
      },
    }),
  );
  trained = true;
}

/** '2026年12月4日' for today (Asia/Shanghai) plus n days. */
export function shanghaiDatePlus(n: number): string {
  const day = new Date(Date.now() + 8 * 3600_000);
  day.setUTCDate(day.getUTCDate() + n);
  return `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日`;
}

/** Every screen: zero axe violations, no sideways scrolling at 360 px, and a screenshot. */
export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectAccessible(page);
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, `${name}: scrollWidth`).toBeLessThanOrEqual(360);
  await screenshot(page, testInfo, name);
}
