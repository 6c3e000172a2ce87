import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expectAccessible, loginAs, screenshot } from './support';
import { adminApi, apiAs, findRegion, ok, PASSWORD, USERS, type Api } from './world';

// The supervisor's desk, journey by journey, against the real API: cases are made in beforeAll as
// the clerk (refer), the supervisor (assign) and the mediator (accept, session, 笔录, outcome).

/** A valid resident ID number (GB 11643 check digit) for a birth date and gender. */
function idFor(birthDate: string, gender: 'female' | 'male', serial: number): string {
  const seq = String(serial * 2 + (gender === 'male' ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const first17 = `370281${birthDate.replace(/-/g, '')}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
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
const DAY_MS = 86_400_000;
const ahead = (days: number) =>
  new Date(Math.floor(Date.now() / 60_000) * 60_000 + days * DAY_MS).toISOString();
const justNow = (minutes = 0) => new Date(Date.now() + minutes * 60_000).toISOString();

interface Made {
  id: string;
  caseNumber: string;
  childId: string;
}

let clerk: Api;
let supervisor: Api;
let mediator: Api;
let village: string;
let mediatorId: string;
let secondMediatorId: string;
/** A second mediator, in the neighbouring village of the same township: a candidate for reassignment. */
const SECOND = { username: 'mediator2sv', displayName: '王秀英' };
let toAssign: Made;
let toReview: Made;
let stale: Made;

/** A write that answers 204: throws with the problem otherwise. */
async function done(
  what: string,
  call: Promise<{ error?: unknown; response: Response }>,
): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw new Error(`${what}: ${response.status} ${JSON.stringify(error)}`);
}

const version = async (api: Api, id: string) =>
  (await ok('GET case', api.GET('/api/v1/cases/{id}', { params: { path: { id } } }))).version;

/** A case the clerk receives, with both parties consenting and screened (joint), then referred. */
async function referredCase(applicant: string, serial: number): Promise<Made> {
  const created = await ok(
    'POST /cases',
    clerk.POST('/api/v1/cases', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: {
        mediationKind: 'pre_filing',
        disputeType: 'divorce',
        source: 'court_referral',
        summary: '双方因家庭琐事产生矛盾，女方起诉离婚。',
        claims: '请求判令离婚，婚生子由原告抚养。',
        receivedAt: '2026-11-02T09:00:00+08:00',
        regionId: village,
        parties: [
          {
            role: 'applicant',
            name: applicant,
            gender: 'female',
            idNumber: idFor('1990-03-15', 'female', serial),
            phone: '13800000001',
            address: '胶西镇胶西村12号',
          },
          {
            role: 'respondent',
            name: '李某某',
            gender: 'male',
            idNumber: idFor('1988-06-12', 'male', serial),
            phone: '13900000002',
          },
        ],
        children: [
          { name: '李小某', gender: 'male', birthDate: '2016-05-01', residence: 'with_applicant' },
        ],
      },
    }),
  );
  let v = created.version;
  for (const party of created.parties) {
    await done(
      'consent',
      clerk.POST('/api/v1/cases/{id}/consents', {
        params: { path: { id: created.id } },
        body: {
          partyId: party.id,
          decision: 'consented',
          method: 'signed_form',
          recordedAt: '2026-11-03T10:00:00+08:00',
          version: v++,
        },
      }),
    );
    await done(
      'screening',
      clerk.POST('/api/v1/cases/{id}/screenings', {
        params: { path: { id: created.id } },
        body: { partyId: party.id, answers: NO_DV, recommendation: 'joint', version: v++ },
      }),
    );
  }
  const refer = await clerk.POST('/api/v1/cases/{id}/refer', {
    params: { path: { id: created.id } },
    body: { version: await version(clerk, created.id) },
  });
  expect(refer.response.status, JSON.stringify(refer.error)).toBe(204);
  return { id: created.id, caseNumber: created.caseNumber, childId: created.children[0].id };
}

const agreement = (childId: string, performance: string) => ({
  effectiveAt: ahead(1),
  form: 'written' as const,
  children: [
    {
      childId,
      custody: 'applicant' as const,
      heard: true,
      support: {
        amount: '1500.00',
        frequency: 'monthly' as const,
        method: '银行转账',
        until: '2034-05-01',
      },
      visitation: '每月第一、三个周末',
    },
  ],
  property: [{ item: '胶西村宅基地房屋', to: 'applicant' as const, value: '300000.00' }],
  performance,
});

async function submitOutcome(c: Made, performance: string) {
  const res = await mediator.POST('/api/v1/cases/{id}/outcome', {
    params: { path: { id: c.id } },
    body: {
      result: 'divorce_agreed',
      route: 'court_mediation_document',
      agreement: agreement(c.childId, performance),
      version: await version(mediator, c.id),
    },
  });
  expect(res.response.status, JSON.stringify(res.error)).toBe(204);
}

test.beforeAll(async () => {
  const admin = await adminApi();
  village = await findRegion(admin, '370281105201');
  const organizations = await ok('organizations', admin.GET('/api/v1/organizations', {}));
  // Made once per run (beforeAll runs again in a new worker after a failure).
  const existing = await ok(
    'users',
    admin.GET('/api/v1/users', { params: { query: { q: SECOND.username } } }),
  );
  secondMediatorId =
    existing.items.find((u) => u.username === SECOND.username)?.id ??
    (
      await ok(
        'second mediator',
        admin.POST('/api/v1/users', {
          body: {
            ...SECOND,
            password: PASSWORD,
            role: 'mediator',
            regionId: await findRegion(admin, '370281105202'),
            organizationId: organizations.items[0].id,
            phone: '13800000012',
          },
        }),
      )
    ).id;
  clerk = await apiAs(USERS.clerk.username);
  supervisor = await apiAs(USERS.supervisor.username);
  mediator = await apiAs(USERS.mediator.username);
  const roster = await ok('roster', supervisor.GET('/api/v1/mediators', {}));
  mediatorId = roster.items.find((m) => m.displayName === USERS.mediator.displayName)!.id;

  toAssign = await referredCase('张某某', 11);
  stale = await referredCase('孙某某', 13);

  // One case through to a submitted outcome: assigned, accepted, a session held and recorded.
  toReview = await referredCase('赵某某', 12);
  const step = async (api: Api, path: '/assignment' | '/accept', body: object = {}) => {
    const res = await api.POST(`/api/v1/cases/{id}${path}`, {
      params: { path: { id: toReview.id } },
      body: { ...body, version: await version(api, toReview.id) } as never,
    });
    expect(res.response.status, JSON.stringify(res.error)).toBe(204);
  };
  await step(supervisor, '/assignment', { mediatorId });
  await step(mediator, '/accept');
  const session = await ok(
    'session',
    mediator.POST('/api/v1/cases/{id}/sessions', {
      params: { path: { id: toReview.id } },
      body: {
        scheduledAt: ahead(2),
        durationMinutes: 60,
        location: '百合调解室',
        mode: 'in_person',
        format: 'joint',
        version: await version(mediator, toReview.id),
      },
    }),
  );
  await ok(
    'record',
    mediator.POST('/api/v1/sessions/{id}/record', {
      params: { path: { id: session.id } },
      body: {
        startedAt: justNow(),
        endedAt: justNow(1),
        attendees: [
          { name: '赵某某', role: 'applicant' },
          { name: '李某某', role: 'respondent' },
        ],
        noteTaker: '刘记录',
        matters: '子女抚养、财产分割',
        statements: [
          { side: 'applicant', text: '要求孩子随我生活。' },
          { side: 'respondent', text: '同意，愿每月支付抚养费。' },
        ],
        result: '双方就离婚及子女抚养达成一致',
        nextSteps: '起草调解协议',
        version: await version(mediator, toReview.id),
      },
    }),
  );
  await submitOutcome(toReview, '签订协议后三十日内办理房屋过户');
  // A draft agreement, so the review shows a document beside the record and the terms.
  await ok(
    'draft agreement',
    mediator.POST('/api/v1/cases/{id}/documents', {
      params: { path: { id: toReview.id } },
      body: { type: 'mediation_agreement', draft: true },
    }),
  );
});

test.beforeEach(async ({ page }) => {
  await loginAs(page, USERS.supervisor.username, PASSWORD);
  await expect(page).toHaveURL(/\/supervisor$/);
});

test('queues: a referred case is assigned from the suggestions, with their reasons', async ({
  page,
}, testInfo) => {
  await page.getByRole('link', { name: '待办队列' }).click();
  await expect(page.getByRole('heading', { name: '待办队列' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /待指派（\d+）/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: toAssign.caseNumber, exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'supervisor-queues');

  await page.getByRole('button', { name: `指派 ${toAssign.caseNumber}` }).click();
  await expect(page.getByRole('heading', { name: '指派调解员' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`^${USERS.mediator.displayName}`) });
  await expect(row).toContainText('可指派');
  await expect(row).toContainText('负责本案所在的村（社区）');
  await expect(row).toContainText(/在办案件 \d+ 件，上限 \d+ 件/);
  // Party particulars are masked.
  await expect(page.getByLabel('身份证号（已隐藏部分）').first()).toContainText('*');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'supervisor-assign');

  await page.getByLabel('指派说明（可选）').fill('所在村调解员，负荷较轻');
  await page.getByRole('button', { name: `指派给${USERS.mediator.displayName}` }).click();
  await expect(
    page.getByText(`已将 ${toAssign.caseNumber} 指派给 ${USERS.mediator.displayName}`),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: '待办队列' })).toBeVisible();
  const after = await ok(
    'GET case',
    supervisor.GET('/api/v1/cases/{id}', { params: { path: { id: toAssign.id } } }),
  );
  expect(after).toMatchObject({ status: 'assigned', mediatorId });
});

test('queues: a case waiting for acceptance is reassigned to another mediator', async ({
  page,
}, testInfo) => {
  await page.getByRole('link', { name: '待办队列' }).click();
  await page.getByRole('tab', { name: /待受理（\d+）/ }).click();
  await page.getByRole('button', { name: `改派 ${toAssign.caseNumber}` }).click();
  await expect(page.getByRole('heading', { name: '改派调解员' })).toBeVisible();
  const current = page.getByRole('row', { name: new RegExp(`^${USERS.mediator.displayName}`) });
  await expect(current).toContainText('（现调解员）');
  const other = page.getByRole('row', { name: new RegExp(`^${SECOND.displayName}`) });
  await expect(other).toContainText('负责本案所在的乡镇（街道）');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'supervisor-reassign');
  await page.getByLabel('改派说明（可选）').fill('原调解员超过时限未受理');
  await page.getByRole('button', { name: `改派给${SECOND.displayName}` }).click();
  await expect(
    page.getByText(`已将 ${toAssign.caseNumber} 指派给 ${SECOND.displayName}`),
  ).toBeVisible();
  const after = await ok(
    'GET case',
    supervisor.GET('/api/v1/cases/{id}', { params: { path: { id: toAssign.id } } }),
  );
  expect(after).toMatchObject({ status: 'assigned', mediatorId: secondMediatorId });
});

test('a stale case says 该案件已被他人修改, keeps what was typed, and reloads', async ({
  page,
}) => {
  await page.goto(`/supervisor/queues/assign/${stale.id}`);
  await expect(page.getByRole('heading', { name: '指派调解员' })).toBeVisible();
  await page.getByLabel('指派说明（可选）').fill('我的说明');
  await expect(
    page.getByRole('button', { name: `指派给${USERS.mediator.displayName}` }),
  ).toBeEnabled();
  // Someone else changes the case meanwhile (the clerk edits its summary).
  await ok(
    'PATCH case',
    clerk.PATCH('/api/v1/cases/{id}', {
      params: { path: { id: stale.id } },
      body: {
        summary: '双方因家庭琐事产生矛盾（已补充）。',
        version: await version(clerk, stale.id),
      },
    }),
  );
  await page.getByRole('button', { name: `指派给${USERS.mediator.displayName}` }).click();
  await expect(page.getByRole('alert')).toContainText('该案件已被他人修改');
  await expect(page.getByLabel('指派说明（可选）')).toHaveValue('我的说明');
  await page.getByRole('button', { name: '重新加载' }).click();
  await expect(page.getByText('该案件已被他人修改')).toBeHidden();
  await expect(page.getByLabel('指派说明（可选）')).toHaveValue('我的说明');
});

test('review: the record, agreement and documents side by side; returned with a comment, then approved', async ({
  page,
}, testInfo) => {
  await page.getByRole('link', { name: '结案审核' }).click();
  await expect(page.getByRole('heading', { name: '结案审核' })).toBeVisible();
  await page.getByRole('button', { name: `审核 ${toReview.caseNumber}` }).click();
  await expect(
    page.getByRole('heading', { name: `结案审核：${toReview.caseNumber}` }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: '第1次调解笔录' })).toContainText(
    '要求孩子随我生活。',
  );
  await expect(page.getByText('法院出具民事调解书')).toBeVisible();
  await expect(page.getByText('签订协议后三十日内办理房屋过户')).toBeVisible();
  await expect(page.getByRole('button', { name: /查看 PDF：调解协议书第1版/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'supervisor-review');

  // A return needs a comment: said next to the field.
  await page.getByRole('button', { name: '退回修改' }).click();
  await expect(page.getByText('退回时请写明需要修改的内容')).toBeVisible();
  await page.getByLabel('审核意见').fill('请写明房屋过户的具体日期');
  await page.getByRole('button', { name: '退回修改' }).click();
  await expect(page.getByText('已退回调解员修改')).toBeVisible();
  await expect(page).toHaveURL(/\/supervisor\/review$/);
  const returned = await ok(
    'GET case',
    supervisor.GET('/api/v1/cases/{id}', { params: { path: { id: toReview.id } } }),
  );
  expect(returned.status).toBe('in_mediation');
  expect(returned.outcomes?.[0].reviewComment).toBe('请写明房屋过户的具体日期');

  // The mediator resubmits; the supervisor sees the earlier return and approves.
  await submitOutcome(toReview, '2026年12月31日前办理房屋过户');
  await page.goto(`/supervisor/review/${toReview.id}`);
  await expect(page.getByText('2026年12月31日前办理房屋过户')).toBeVisible();
  await expect(page.getByText(/已退回：请写明房屋过户的具体日期/)).toBeVisible();
  await screenshot(page, testInfo, 'supervisor-review-resubmitted');
  await page.getByRole('button', { name: '批准结案' }).click();
  await expect(page.getByText('已批准，案件已结案')).toBeVisible();
  const closed = await ok(
    'GET case',
    supervisor.GET('/api/v1/cases/{id}', { params: { path: { id: toReview.id } } }),
  );
  expect(closed).toMatchObject({ status: 'closed', result: 'divorce_agreed' });
});

test('roster: villages, load, trainings; a conflict of interest is recorded', async ({
  page,
}, testInfo) => {
  await ok(
    'training',
    supervisor.POST('/api/v1/mediators/{id}/trainings', {
      params: { path: { id: mediatorId } },
      body: {
        title: '反家暴专题培训',
        heldOn: '2026-10-15',
        hours: 6,
        topics: ['domestic_violence'],
      },
    }),
  );
  await page.getByRole('link', { name: '调解员名册' }).click();
  await expect(page.getByRole('heading', { name: '调解员名册' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(USERS.mediator.displayName) });
  await expect(row).toContainText('胶西村');
  await expect(row).toContainText(/\d+ \/ \d+ 件/);
  await row.getByRole('button', { name: /培训\d+次 · 回避\d+项/ }).click();
  await expect(page.getByText(/2026年10月15日 反家暴专题培训，6 学时/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'supervisor-roster');

  await page.getByRole('button', { name: `为${USERS.mediator.displayName}登记回避` }).click();
  const dialog = page.getByRole('dialog', { name: /登记回避/ });
  await dialog.getByLabel('回避原因').click();
  await page.getByTitle('亲属关系').click();
  await dialog.getByLabel('有利害关系的人（姓名）').fill('周某某');
  await dialog.getByLabel('其身份证号').fill('123');
  await dialog.getByRole('button', { name: '登记回避' }).click();
  // The API's field error appears next to the field; what was typed stays.
  await expect(dialog.getByLabel('其身份证号')).toHaveValue('123');
  await expect(dialog.getByLabel('其身份证号')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'supervisor-roster-conflict-error');
  await dialog.getByLabel('其身份证号').fill(idFor('1985-01-01', 'male', 21));
  await dialog.getByRole('button', { name: '登记回避' }).click();
  await expect(page.getByText(`已为 ${USERS.mediator.displayName} 登记回避`)).toBeVisible();
  // The roster now lists it (the person's ID number is never shown).
  await expect(
    page.getByRole('region', { name: `${USERS.mediator.displayName}的回避` }),
  ).toContainText(/亲属关系：周某某（按身份证号排除）/);
  await screenshot(page, testInfo, 'supervisor-roster-conflict');
});

test('reports: a breakdown with links, a CSV export and the monthly report PDF', async ({
  page,
}, testInfo) => {
  await page.getByRole('link', { name: '统计报表' }).click();
  await expect(page.getByRole('heading', { name: '统计报表' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '胶西镇', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '合计', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^胶西镇收案\d+件，查看案件列表$/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'supervisor-reports');

  const [download, exported] = await Promise.all([
    page.waitForEvent('download'),
    page.waitForResponse((r) => r.url().includes('/api/v1/stats/export')),
    page.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-type']).toMatch(/^text\/csv/);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const [workbook, xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.waitForResponse((r) => r.url().includes('/api/v1/stats/export')),
    page.getByRole('button', { name: '导出 Excel（XLSX）' }).click(),
  ]);
  expect(xlsx.headers()['content-type']).toMatch(
    /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/,
  );
  expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);

  const [popup, report] = await Promise.all([
    page.waitForEvent('popup'),
    page.waitForResponse((r) => r.url().includes('/api/v1/reports/monthly')),
    page.getByRole('button', { name: '打开月报' }).click(),
  ]);
  expect(report.status()).toBe(200);
  expect(report.headers()['content-type']).toMatch(/^application\/pdf/);
  expect(popup.url()).toMatch(/^blob:/);
  expect(Number(report.headers()['content-length'] ?? 1)).toBeGreaterThan(0);
  // The same report kept beside the screenshots, to be looked at (pdftoppm).
  const { data } = await supervisor.GET('/api/v1/reports/monthly', {
    params: { query: { month: '2026-11' } },
    parseAs: 'arrayBuffer',
  });
  mkdirSync('test-results/screenshots', { recursive: true });
  writeFileSync('test-results/screenshots/supervisor-monthly-report.pdf', Buffer.from(data!));
});

test('dashboard (after the other journeys): every rate with numerator and denominator; a figure drills down to its cases', async ({
  page,
}, testInfo) => {
  await expect(page.getByRole('heading', { name: '统计概览' })).toBeVisible();
  const closure = page.getByRole('region', { name: '办结率', exact: true });
  await expect(closure).toContainText('分子');
  await expect(closure).toContainText('÷ 分母');
  // The case approved in the review journey is closed: the numerator counts it.
  await expect(closure).toContainText(/\d+\.\d%/);
  await expect(
    closure.getByRole('link', { name: /^办结率分子：已结案[1-9]\d*件，查看案件列表$/ }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: '调解成功率', exact: true })).toContainText(
    '100.0%',
  );
  await expect(page.getByText('当期受理的案件中，截至目前已结案的比例（办结率）')).toBeVisible();
  await expect(page.getByRole('img', { name: /各月收案与结案/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /各乡镇调解成功率。胶西镇/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'supervisor-dashboard');

  const received = page.getByRole('link', { name: /^收案\d+件，查看案件列表$/ });
  const label = (await received.getAttribute('aria-label')) ?? '';
  const count = Number(/(\d+)件/.exec(label)?.[1]);
  expect(count).toBeGreaterThanOrEqual(3);
  await received.click();
  await expect(page.getByRole('heading', { name: '案件列表' })).toBeVisible();
  await expect(page).toHaveURL(/\/supervisor\/cases\?.*receivedFrom=/);
  await expect(page.getByText(`共 ${count} 件`).first()).toBeVisible();
  await expect(page.getByText(/收案日期 2026年1月1日 至 2026年\d+月\d+日/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'supervisor-case-list');
  // The journeys' cases are among them, on whichever page (other specs add cases of their own).
  const listed: string[] = [];
  for (;;) {
    await expect(page.getByRole('cell', { name: /民诉前调\d+号$/ }).first()).toBeVisible();
    const texts = await page.getByRole('cell', { name: /民诉前调\d+号$/ }).allTextContents();
    listed.push(...texts.filter((text) => /^（\d{4}）.*号$/.test(text)));
    const next = page.locator('.ant-pagination-next');
    if ((await next.getAttribute('aria-disabled')) === 'true') break;
    const first = await page
      .getByRole('cell', { name: /民诉前调\d+号$/ })
      .first()
      .textContent();
    await next.click();
    await expect(page.getByRole('cell', { name: /民诉前调\d+号$/ }).first()).not.toHaveText(first!);
  }
  expect(listed).toHaveLength(count);
  for (const c of [toAssign, toReview, stale]) expect(listed).toContain(c.caseNumber);
});
