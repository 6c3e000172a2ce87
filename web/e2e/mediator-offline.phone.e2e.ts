import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { WEB_TEST } from './env';
import { makeCase, type MadeCase } from './mediator-world';
import { loginAs, screenshot } from './support';
import { adminApi, apiAs, ok, PASSWORD, USERS, type Api } from './world';

// The mediator's phone in a village without signal: the app reopens from the phone as hers, a
// 笔录 typed offline survives a reload and a browser restart, goes out once through the outbox
// (even when the answer to the upload is lost on the way back), a write against a case that
// changed meanwhile waits on 同步 beside the server's case, logout warns and wipes, a PIN locks a
// shared phone, and an admin's revocation shows what is unsent before the phone is wiped.
// Against the real built server; the network is cut the two ways a phone loses it: the browser
// offline (context.setOffline) and every API request failing (route.abort).

test.describe.configure({ mode: 'serial' });

let mediator: Api;
/** Cases of mediator1, each with a session today to record. */
const cases: Record<'sent' | 'conflict' | 'logout' | 'revoked', MadeCase & { session: string }> =
  {} as never;

async function scheduleNow(caseId: string): Promise<string> {
  const fresh = await ok(
    'GET case',
    mediator.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } }),
  );
  const session = await ok(
    'POST session',
    mediator.POST('/api/v1/cases/{id}/sessions', {
      params: { path: { id: caseId } },
      body: {
        version: fresh.version,
        scheduledAt: new Date().toISOString(),
        durationMinutes: 60,
        location: '百合调解室',
        mode: 'in_person',
        format: 'joint',
      },
    }),
  );
  return session.id;
}

test.beforeAll(async () => {
  mediator = await apiAs(USERS.mediator.username);
  const names = {
    sent: ['孔秀英', '邹国平', 401],
    conflict: ['严春燕', '潘建华', 402],
    logout: ['蒋玉兰', '沈海涛', 403],
    revoked: ['韦淑珍', '毛志强', 404],
  } as const;
  for (const [key, [applicant, respondent, serial]] of Object.entries(names)) {
    const made = await makeCase({ applicant, respondent, serial, accept: true });
    cases[key as keyof typeof cases] = { ...made, session: await scheduleNow(made.id) };
  }
});

/** How many times the server recorded a 笔录 on the case (its audit trail). */
async function recordedTimes(caseId: string): Promise<number> {
  const client = new pg.Client({ connectionString: WEB_TEST.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_events WHERE action = 'session.recorded' AND entity_id = $1`,
      [caseId],
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/** A phone whose storage outlives the browser (a restart keeps IndexedDB, caches, cookies). */
async function phone(dir: string): Promise<{ context: BrowserContext; page: Page }> {
  const use = test.info().project.use;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    baseURL: WEB_TEST.baseUrl,
    viewport: use.viewport ?? { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/** Signs her in with the service worker in control, and waits for the phone to hold her cases. */
async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);
  await loginAs(page, USERS.mediator.username, PASSWORD);
  await expect(page.getByRole('heading', { name: /^今日调解/ })).toBeVisible();
  await page.getByRole('link', { name: '同步', exact: true }).click();
  await expect(page.getByText(/案件资料同步于/)).toBeVisible();
  // Every screen of hers fetched (so kept by the worker), the 笔录 form too.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const names: string[] = [];
        for (const name of await caches.keys())
          for (const request of await (await caches.open(name)).keys()) names.push(request.url);
        return names.some((url) => /\/assets\/RecordPage-/.test(url));
      }),
    )
    .toBe(true);
}

async function cutNetwork(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
}

async function typeRecord(page: Page, words: string): Promise<void> {
  await page.getByLabel(/^调解事项/).fill(`离婚纠纷：${words}`);
  await page.getByLabel(/^申请人陈述/).fill(`女方：${words}，要求抚养女儿。`);
  await page.getByLabel(/^被申请人陈述/).fill(`男方：${words}，同意协商。`);
  await page.getByLabel(/^调解情况/).fill(`双方同意下次继续调解（${words}）。`);
}

const recordPath = (c: { id: string; session: string }) =>
  `/mediator/cases/${c.id}/sessions/${c.session}/record`;

test('without signal the phone reopens as hers; a 笔录 typed offline survives a reload and a browser restart, and is sent once even when the answer to its upload is lost', async () => {
  const testInfo = test.info();
  test.setTimeout(180_000);
  const dir = testInfo.outputPath('phone-profile');
  const c = cases.sent;
  let { context, page } = await phone(dir);
  await signIn(page);

  await cutNetwork(context);
  await page.reload();
  await expect(page.getByText(/^当前离线：记录保存在本机/)).toBeVisible();
  await page.getByRole('link', { name: '我的案件' }).click();
  await expect(page.getByText(/^当前离线，显示的是 .* 同步的资料$/)).toBeVisible();
  await expect(page.getByText('孔秀英 与 邹国平')).toBeVisible();
  await page.getByText('孔秀英 与 邹国平').click();
  await expect(page.getByRole('heading', { name: '孔秀英 与 邹国平' })).toBeVisible();

  await page.goto(recordPath(c));
  await typeRecord(page, '村委会调解室');
  // A reload (the battery, a call) keeps every word: the draft is on the phone.
  await page.reload();
  await expect(page.getByLabel(/^申请人陈述/)).toHaveValue('女方：村委会调解室，要求抚养女儿。');
  await page.getByRole('button', { name: '保存笔录' }).click();
  await expect(page.getByRole('heading', { name: '调解笔录已存入本机，待上传' })).toBeVisible();
  await expect(page.getByText('上传成功前，服务器上还没有这条记录。')).toBeVisible();
  await screenshot(page, testInfo, 'mediator-offline-queued');

  // The browser closed and opened again, still without signal: the 笔录 is still queued.
  await context.close();
  ({ context, page } = await phone(dir));
  await cutNetwork(context);
  await page.goto('/mediator/sync');
  const queued = page.getByRole('region', { name: /^待上传/ });
  await expect(queued.getByRole('article', { name: '调解笔录' })).toContainText('孔秀英 与 邹国平');
  await expect(queued).toContainText('女方：村委会调解室，要求抚养女儿。');
  expect(await recordedTimes(c.id)).toBe(0);
  await screenshot(page, testInfo, 'mediator-sync-queued');

  // Back online, but the first upload's answer is lost on the way back: the server has it, the
  // phone does not know, and keeps it queued (never shown as filed).
  await context.unroute('**/api/**');
  let uploads = 0;
  let dropAnswers = true;
  await context.route('**/api/v1/sessions/*/record', async (route) => {
    uploads += 1;
    if (dropAnswers) {
      await route.fetch();
      await route.abort('connectionreset');
    } else await route.continue();
  });
  await context.setOffline(false);
  await expect.poll(() => recordedTimes(c.id)).toBe(1);
  await expect(queued).toContainText(/已尝试上传 \d+ 次/);
  await expect(queued.getByRole('article', { name: '调解笔录' })).toContainText('待上传');
  // The answers get through again. Opening the app sends it with the same Idempotency-Key:
  // answered from the server's record of it, not applied twice.
  dropAnswers = false;
  await page.reload();
  const done = page.getByRole('region', { name: /^已提交/ });
  await expect(done.getByRole('article', { name: '调解笔录' })).toContainText(
    /服务器 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 确认收到/,
  );
  await expect(page.getByRole('region', { name: /^待上传/ })).toContainText('没有待上传的记录');
  expect(uploads).toBeGreaterThanOrEqual(2);
  expect(await recordedTimes(c.id)).toBe(1);
  await screenshot(page, testInfo, 'mediator-sync-confirmed');
  await context.close();
});

test('a 笔录 queued against a case that changed meanwhile waits on 同步 beside the server case, and is re-applied once she chooses', async ({
  page,
  context,
}, testInfo) => {
  const c = cases.conflict;
  await signIn(page);
  await cutNetwork(context);
  await page.goto(recordPath(c));
  await typeRecord(page, '妇女之家');
  await page.getByRole('button', { name: '保存笔录' }).click();
  await expect(page.getByRole('heading', { name: '调解笔录已存入本机，待上传' })).toBeVisible();

  // Meanwhile the case moves on at the server (another session arranged from the desk).
  const before = await ok(
    'GET case',
    mediator.GET('/api/v1/cases/{id}', { params: { path: { id: c.id } } }),
  );
  await scheduleNow(c.id);

  await context.unroute('**/api/**');
  await context.setOffline(false);
  // Back online, the outbox sends it by itself and meets the change (no reload: a reload while
  // the session's refresh is under way would present a spent refresh token).
  await expect(page.getByText('1 条记录未被接受，需要您处理')).toBeVisible();
  await page.getByRole('link', { name: '查看同步' }).first().click();
  const settle = page.getByRole('region', { name: /^需要您处理/ });
  const item = settle.getByRole('article', { name: '调解笔录' });
  await expect(item).toContainText('案件已变化，未提交');
  await expect(item.getByRole('region', { name: '您的记录' })).toContainText(
    `基于第 ${before.version} 版`,
  );
  await expect(item.getByRole('region', { name: '您的记录' })).toContainText(
    '女方：妇女之家，要求抚养女儿。',
  );
  await expect(item.getByRole('region', { name: '服务器上的案件' })).toContainText(
    `版本：第 ${before.version + 1} 版`,
  );
  await expect(item.getByRole('region', { name: '服务器上的案件' })).toContainText('仍由您调解');
  expect(await recordedTimes(c.id)).toBe(0);
  await screenshot(page, testInfo, 'mediator-sync-conflict');

  await item.getByRole('button', { name: '按现状重新提交' }).click();
  await expect(
    page.getByRole('region', { name: /^已提交/ }).getByRole('article', { name: '调解笔录' }),
  ).toHaveCount(1);
  await expect(settle).toHaveCount(0);
  expect(await recordedTimes(c.id)).toBe(1);
});

test('logout with a write not yet uploaded warns and names it; after logout nothing of hers is left in the browser', async ({
  page,
  context,
}) => {
  const c = cases.logout;
  await signIn(page);
  await cutNetwork(context);
  await page.goto(recordPath(c));
  await typeRecord(page, '调解室');
  await page.getByRole('button', { name: '保存笔录' }).click();
  await expect(page.getByRole('heading', { name: '调解笔录已存入本机，待上传' })).toBeVisible();
  await context.unroute('**/api/**');
  await context.setOffline(false);
  // The upload keeps failing (a weak signal): it stays queued.
  await context.route('**/api/v1/sessions/*/record', (route) => route.abort('timedout'));

  await page.getByRole('button', { name: '退出' }).click();
  const warning = page.getByRole('dialog', { name: '还有记录未上传' });
  await expect(warning).toContainText('还有 1 条记录未上传');
  await expect(warning).toContainText('调解笔录：蒋玉兰 与 沈海涛');
  await warning.getByText('先去上传').click();
  await expect(page).toHaveURL(/\/mediator\/sync$/);
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByRole('dialog', { name: '还有记录未上传' }).getByText('删除并退出').click();
  await expect(page).toHaveURL(/\/login/);

  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    cached: await (async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls.filter((url) => !/\/(index\.html|assets\/)/.test(new URL(url).pathname));
    })(),
  }));
  expect(left).toEqual({ databases: [], local: [], session: [], cached: [] });
  expect(await context.cookies()).toEqual([]);
  expect(await recordedTimes(c.id)).toBe(0);
});

test('a PIN locks the shared phone when the app opens; a wrong PIN is refused; the right one unlocks', async ({
  page,
}, testInfo) => {
  await signIn(page);
  await page.getByRole('button', { name: '设置 PIN 码' }).click();
  await page.getByLabel('新 PIN 码（4–6 位数字）').fill('2580');
  await page.getByLabel('再输入一次').fill('2581');
  await page.getByRole('button', { name: '保存 PIN 码' }).click();
  await expect(page.getByText('两次输入的 PIN 码不一致')).toBeVisible();
  await page.getByLabel('再输入一次').fill('2580');
  await page.getByRole('button', { name: '保存 PIN 码' }).click();
  await expect(page.getByText(/^PIN 码已设置/)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '同步', level: 1 })).toBeHidden();
  await page.getByLabel('PIN 码', { exact: true }).fill('1111');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('alert')).toHaveText('PIN 码不正确');
  await screenshot(page, testInfo, 'mediator-pin-lock');
  await page.getByLabel('PIN 码', { exact: true }).fill('2580');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('heading', { name: '同步', level: 1 })).toBeVisible();
  // Logout forgets the PIN with the rest.
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test("an admin's revocation (password reset) shows what is unsent, in full, before the phone is wiped", async ({
  page,
  context,
}, testInfo) => {
  const c = cases.revoked;
  await signIn(page);
  await cutNetwork(context);
  await page.goto(recordPath(c));
  await typeRecord(page, '田间地头');
  await page.getByRole('button', { name: '保存笔录' }).click();
  await expect(page.getByRole('heading', { name: '调解笔录已存入本机，待上传' })).toBeVisible();

  const admin = await adminApi();
  const users = await ok(
    'GET users',
    admin.GET('/api/v1/users', { params: { query: { q: USERS.mediator.username } } }),
  );
  const id = users.items.find((u) => u.username === USERS.mediator.username)!.id;
  const reset = (password: string) =>
    ok(
      'PATCH user',
      admin.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: { password } }),
    );
  await reset('Another-pass-2026');
  try {
    await context.unroute('**/api/**');
    // Back online, the outbox's upload hears that the session was ended by the admin.
    await context.setOffline(false);
    await expect(page.getByRole('heading', { name: '您的登录已被注销' })).toBeVisible();
    // Closing the app does not lose the warning: the phone remembers until it is wiped.
    await page.reload();
    await expect(page.getByRole('heading', { name: '您的登录已被注销' })).toBeVisible();
    await expect(
      page.getByText('本机还有 1 条记录未上传，删除后无法恢复，请先抄录：'),
    ).toBeVisible();
    await expect(page.getByText('女方：田间地头，要求抚养女儿。')).toBeVisible();
    await screenshot(page, testInfo, 'mediator-revoked');
    await page.getByRole('button', { name: '我已抄录，清除本机数据' }).click();
    await expect(page).toHaveURL(/\/login/);
    const databases = await page.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name),
    );
    expect(databases).toEqual([]);
    expect(await recordedTimes(c.id)).toBe(0);
  } finally {
    await reset(PASSWORD);
  }
});
