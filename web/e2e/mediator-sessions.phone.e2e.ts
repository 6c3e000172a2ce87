import { expect, test, type Page } from '@playwright/test';
import { apiAs, ok, PASSWORD, USERS, type Api } from './world';
import { loginAs } from './support';
import { checkScreen, makeCase, shanghaiDatePlus, type MadeCase } from './mediator-world';

// The mediator changes a session on her phone (360×740, touch): 改期, 取消, 当事人未到场, against
// the real built server and API. Elements are found by their Chinese accessible names.

test.describe.configure({ mode: 'serial' });

let plain: MadeCase;
let dvCase: MadeCase;
let mediator: Api;
/** Session times as the case detail shows them ('2026年12月4日 15:00'). */
let laterWhen: string;
let todayWhen: string;

/** '2026-12-04' for today (Asia/Shanghai) plus n days: what a datetime-local input holds. */
function dayPlus(n: number): string {
  return new Date(Date.now() + 8 * 3600_000 + n * 24 * 3600_000).toISOString().slice(0, 10);
}

/** '2026年12月4日 14:30' for an instant, on the Shanghai clock. */
function shown(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${hh}:${mm}`;
}

async function schedule(caseId: string, scheduledAt: string, format: 'joint' | 'shuttle') {
  const fresh = await ok(
    'GET case',
    mediator.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } }),
  );
  return ok(
    'POST session',
    mediator.POST('/api/v1/cases/{id}/sessions', {
      params: { path: { id: caseId } },
      body: {
        version: fresh.version,
        scheduledAt,
        durationMinutes: 60,
        location: '百合调解室',
        mode: 'in_person',
        format,
      },
    }),
  );
}

test.beforeAll(async () => {
  plain = await makeCase({ applicant: '何玉梅', respondent: '韩立军', serial: 201, accept: true });
  dvCase = await makeCase({
    applicant: '曹桂芳',
    respondent: '彭志刚',
    serial: 202,
    dv: true,
    accept: true,
  });
  mediator = await apiAs(USERS.mediator.username);
  // One session today (now: after acceptance, so the API takes it) and one in three days.
  const today = await schedule(plain.id, new Date().toISOString(), 'joint');
  todayWhen = shown(today.scheduledAt);
  const later = await schedule(plain.id, `${dayPlus(3)}T15:00:00+08:00`, 'joint');
  laterWhen = shown(later.scheduledAt);
  await schedule(dvCase.id, `${dayPlus(4)}T15:00:00+08:00`, 'shuttle');
});

async function login(page: Page) {
  await loginAs(page, USERS.mediator.username, PASSWORD);
  await expect(page).toHaveURL(/\/mediator$/);
}

/**
 * An antd-mobile dialog once it has faded in: its opening is a JS (react-spring) animation,
 * which expectAccessible cannot wait for, and axe would measure its text mid-fade.
 */
async function dialogShown(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog.locator('xpath=./div')).toHaveCSS('opacity', '1');
  await expect(page.locator('.adm-mask').first()).toHaveCSS('opacity', '1');
  return dialog;
}

const sessionsOf = (page: Page) => page.getByRole('region', { name: /调解会次/ });

/** A session's action link, named by its word and (for screen readers) the session's time. */
const action = (word: string, when: string) => ({
  name: new RegExp(`^${word}\\s*：${when}的调解$`),
});

test('each session to be held offers 笔录, 改期, 取消 and 未到场, as large tap targets', async ({
  page,
}, testInfo) => {
  await login(page);
  await page.goto(`/mediator/cases/${plain.id}`);
  const sessions = sessionsOf(page);
  for (const word of ['填写笔录', '改期', '取消', '未到场'])
    for (const when of [todayWhen, laterWhen])
      await expect(sessions.getByRole('link', action(word, when))).toBeVisible();
  await expect(sessions.getByText('已安排')).toHaveCount(2);
  // 长辈版 is on by default: every action at least 60 px tall, all within the 360 px screen.
  const boxes = await sessions
    .locator('.med-session-actions a')
    .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes).toHaveLength(8);
  for (const box of boxes) {
    expect(box.height).toBeGreaterThanOrEqual(60);
    expect(box.right).toBeLessThanOrEqual(360);
  }
  await checkScreen(page, testInfo, 'mediator-session-actions');
});

test('改期: the form starts from the session; an API field error stays beside its field with what was typed; the new time shows on the case', async ({
  page,
}, testInfo) => {
  await login(page);
  await page.goto(`/mediator/cases/${plain.id}`);
  await sessionsOf(page).getByRole('link', action('改期', laterWhen)).click();
  await expect(page.getByRole('heading', { name: '改期：何玉梅 与 韩立军' })).toBeVisible();
  await expect(page.getByLabel(/^调解时间/)).toHaveValue(`${dayPlus(3)}T15:00`);
  await expect(page.getByRole('radio', { name: '百合调解室' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /面对面调解/ })).toBeChecked();
  await checkScreen(page, testInfo, 'mediator-reschedule');

  // After the deadline (30 days): the API's error beside 调解时间, the typed place kept.
  await page.getByLabel(/^调解时间/).fill(`${dayPlus(40)}T10:00`);
  await page.getByRole('radio', { name: /^其他地点/ }).check();
  await page.getByRole('textbox', { name: /^其他地点/ }).fill('胶西村妇女之家');
  await page.getByRole('radio', { name: '电话' }).check();
  await page.getByRole('button', { name: '确定改期' }).click();
  const timeItem = page.locator('.adm-form-item').filter({ has: page.getByLabel(/^调解时间/) });
  await expect(timeItem.locator('.adm-form-item-feedback-error')).toContainText(
    '不能晚于调解期限届满时间',
  );
  await expect(page.getByLabel(/^调解时间/)).toHaveValue(`${dayPlus(40)}T10:00`);
  await expect(page.getByRole('textbox', { name: /^其他地点/ })).toHaveValue('胶西村妇女之家');
  await expect(page.getByRole('radio', { name: '电话' })).toBeChecked();
  await checkScreen(page, testInfo, 'mediator-reschedule-field-error');

  await page.getByLabel(/^调解时间/).fill(`${dayPlus(5)}T14:30`);
  await page.getByRole('button', { name: '确定改期' }).click();
  await expect(page.getByRole('heading', { name: '已改期' })).toBeVisible();
  await expect(page.getByText(`${shanghaiDatePlus(5)} 14:30，胶西村妇女之家，电话`)).toBeVisible();
  await expect(page.getByText(`原定：${laterWhen}，百合调解室`)).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-rescheduled');

  await page.getByRole('link', { name: '返回案件' }).last().click();
  const sessions = sessionsOf(page);
  const moved = `${shanghaiDatePlus(5)} 14:30`;
  await expect(sessions.getByText(moved, { exact: true })).toBeVisible();
  await expect(sessions.getByText(/胶西村妇女之家 · 电话/)).toBeVisible();
  await expect(sessions.getByText(laterWhen, { exact: true })).toHaveCount(0);
  laterWhen = moved;
});

test('改期 while someone else changed the case: the 409 says so, keeps the typed time, and the reload lets her save', async ({
  page,
}, testInfo) => {
  await login(page);
  await page.goto(`/mediator/cases/${plain.id}`);
  await sessionsOf(page).getByRole('link', action('改期', laterWhen)).click();
  await page.getByLabel(/^调解时间/).fill(`${dayPlus(6)}T09:30`);
  // Meanwhile the case changes (another session is arranged through the API).
  await schedule(plain.id, `${dayPlus(7)}T15:00:00+08:00`, 'joint');
  await page.getByRole('button', { name: '确定改期' }).click();
  await expect(page.getByRole('alert')).toContainText('该案件已被他人修改');
  await checkScreen(page, testInfo, 'mediator-reschedule-conflict');
  await page.getByRole('button', { name: '重新载入案件（保留已填内容）' }).click();
  await expect(page.getByText('已载入案件的最新情况')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel(/^调解时间/)).toHaveValue(`${dayPlus(6)}T09:30`);
  await page.getByRole('button', { name: '确定改期' }).click();
  await expect(page.getByRole('heading', { name: '已改期' })).toBeVisible();
  laterWhen = `${shanghaiDatePlus(6)} 09:30`;
  await page.getByRole('link', { name: '返回案件' }).last().click();
  await expect(sessionsOf(page).getByText(laterWhen, { exact: true })).toBeVisible();
});

test('取消: a reason is required, a confirmation is asked, and the case shows the session cancelled with its reason', async ({
  page,
}, testInfo) => {
  await login(page);
  await page.goto(`/mediator/cases/${plain.id}`);
  const added = `${shanghaiDatePlus(7)} 15:00`;
  await sessionsOf(page).getByRole('link', action('取消', added)).click();
  await expect(page.getByRole('heading', { name: '取消调解：何玉梅 与 韩立军' })).toBeVisible();
  await page.getByRole('button', { name: '取消这次调解' }).click();
  await expect(page.getByText('请填写取消原因')).toBeVisible();
  await page.getByLabel('取消原因').fill('被申请人外出务工，下月返回');
  await checkScreen(page, testInfo, 'mediator-cancel-session');

  // Asked first; "不取消" leaves everything as it was.
  await page.getByRole('button', { name: '取消这次调解' }).click();
  const dialog = await dialogShown(page, '确定取消这次调解吗？');
  await expect(dialog).toContainText(`${added}，百合调解室的调解将被取消`);
  // Its two answers are 长辈版 tap targets too.
  for (const answer of ['不取消', '确定取消'])
    expect(
      (await dialog.getByRole('button', { name: answer }).boundingBox())?.height,
    ).toBeGreaterThanOrEqual(60);
  await checkScreen(page, testInfo, 'mediator-cancel-confirm');
  await dialog.getByRole('button', { name: '不取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('取消原因')).toHaveValue('被申请人外出务工，下月返回');

  await page.getByRole('button', { name: '取消这次调解' }).click();
  await dialog.getByRole('button', { name: '确定取消' }).click();
  await expect(page.getByRole('heading', { name: '已取消调解' })).toBeVisible();
  await expect(page.getByText('取消原因：被申请人外出务工，下月返回')).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-session-cancelled');

  await page.getByRole('link', { name: '返回案件' }).last().click();
  const card = sessionsOf(page).getByRole('listitem').filter({ hasText: added });
  await expect(card.getByText('已取消')).toBeVisible();
  await expect(card.getByText('取消原因：被申请人外出务工，下月返回')).toBeVisible();
  await expect(card.getByRole('link')).toHaveCount(0);
});

test('未到场: confirmed, then the case and 今日 show the session as 当事人未到场', async ({
  page,
}, testInfo) => {
  await login(page);
  const todays = page.getByRole('region', { name: /今日调解/ });
  const mine = todays.getByRole('listitem').filter({ hasText: '何玉梅 与 韩立军' });
  await expect(mine.getByText('已安排')).toBeVisible();

  await page.goto(`/mediator/cases/${plain.id}`);
  await sessionsOf(page).getByRole('link', action('未到场', todayWhen)).click();
  await expect(page.getByRole('heading', { name: '当事人未到场：何玉梅 与 韩立军' })).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-no-show');
  await page.getByRole('button', { name: '记录未到场' }).click();
  const dialog = await dialogShown(page, '确认当事人未到场？');
  await checkScreen(page, testInfo, 'mediator-no-show-confirm');
  await dialog.getByRole('button', { name: '确认未到场' }).click();
  await expect(page.getByRole('heading', { name: '已记录当事人未到场' })).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-no-show-done');

  await page.getByRole('link', { name: '返回案件' }).last().click();
  const card = sessionsOf(page).getByRole('listitem').filter({ hasText: todayWhen });
  await expect(card.getByText('当事人未到场')).toBeVisible();
  await expect(card.getByRole('link')).toHaveCount(0);

  await page.getByRole('link', { name: '今日', exact: true }).click();
  await expect(mine.getByText('当事人未到场')).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-today-no-show');
});

test('a DV case cannot be moved to a joint (面对面) session', async ({ page }, testInfo) => {
  await login(page);
  await page.goto(`/mediator/cases/${dvCase.id}`);
  await sessionsOf(page)
    .getByRole('link', { name: /^改期\s*：/ })
    .click();
  await expect(page.getByRole('note', { name: '家暴风险提示' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /面对面调解/ })).toBeDisabled();
  await expect(page.getByRole('radio', { name: /背对背调解/ })).toBeChecked();
  await expect(page.getByText('本案只能背对背调解，不能选择面对面。')).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-dv-reschedule');
  await page.getByLabel(/^调解时间/).fill(`${dayPlus(8)}T10:00`);
  await page.getByRole('button', { name: '确定改期' }).click();
  await expect(page.getByRole('heading', { name: '已改期' })).toBeVisible();
  await expect(page.getByText(/背对背调解/).first()).toBeVisible();
});
