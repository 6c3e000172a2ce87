import { expect, test, type Page } from '@playwright/test';
import { apiAs, ok, PASSWORD, USERS } from './world';
import { loginAs } from './support';
import { checkScreen, makeCase, sent, shanghaiDatePlus, type MadeCase } from './mediator-world';

// The mediator's phone (360×740, touch): the whole life of a case on her screens, against the
// real built server and API. Elements are found by their Chinese accessible names.

// The tests share the cases made once in beforeAll.
test.describe.configure({ mode: 'serial' });

let story: MadeCase;
let dvCase: MadeCase;
let notHers: MadeCase;

test.beforeAll(async () => {
  story = await makeCase({ applicant: '赵春梅', respondent: '钱建国', serial: 101 });
  dvCase = await makeCase({
    applicant: '孙秀英',
    respondent: '周志强',
    serial: 102,
    dv: true,
    accept: true,
  });
  await makeCase({ applicant: '冯小燕', respondent: '陈大伟', serial: 104 });
  notHers = await makeCase({
    applicant: '吴丽华',
    respondent: '郑海涛',
    serial: 103,
    assign: false,
  });
});

async function login(page: Page) {
  await loginAs(page, USERS.mediator.username, PASSWORD);
  await expect(page).toHaveURL(/\/mediator$/);
}

test('今日 → accept (deadline first) → schedule → 笔录 with a draft that survives a reload → extension → divorce outcome (no 司法确认) → documents', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await login(page);

  // 今日: the referral waits to be accepted.
  const referrals = page.getByRole('region', { name: /待接收的委派/ });
  await expect(referrals.getByText('赵春梅 与 钱建国')).toBeVisible();
  await expect(page.getByRole('heading', { name: /今日调解/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /未读通知/ })).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-today');

  // Accept: the deadline (+30 days) is shown before she confirms.
  await referrals.getByRole('link', { name: '接收 赵春梅 案' }).click();
  await expect(page.getByText(`调解期限 30 天，至 ${shanghaiDatePlus(30)}`)).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-accept');
  await page.getByRole('button', { name: '确认接收' }).click();
  await expect(page).toHaveURL(new RegExp(`/mediator/cases/${story.id}$`));
  await expect(page.getByText('还剩 30 天')).toBeVisible();
  await expect(page.getByText('调解中')).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-case-detail');

  // Schedule: her organisation's room, joint allowed here, tap-to-call afterwards.
  await page.getByRole('link', { name: '安排调解' }).first().click();
  await expect(page.getByRole('radio', { name: '百合调解室' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /面对面调解/ })).toBeEnabled();
  await checkScreen(page, testInfo, 'mediator-schedule');
  await page.getByRole('button', { name: '确定安排' }).click();
  await expect(page.getByRole('heading', { name: '已安排调解' })).toBeVisible();
  await expect(page.getByRole('button', { name: '拨打赵春梅的电话' })).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-scheduled');

  // 笔录: typed text is kept as a draft in the browser and survives a reload.
  await page.getByRole('link', { name: '返回案件' }).first().click();
  await page.getByRole('link', { name: '填写调解笔录' }).click();
  await page.getByLabel('调解事项').fill('离婚及子女抚养、财产分割');
  await page.getByLabel(/^申请人陈述/).fill('女方坚持离婚，要求抚养儿子。');
  await expect(page.getByText(/草稿已自动保存在本机/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('调解事项')).toHaveValue('离婚及子女抚养、财产分割');
  await expect(page.getByLabel(/^申请人陈述/)).toHaveValue('女方坚持离婚，要求抚养儿子。');
  await page.getByLabel(/^被申请人陈述/).fill('男方同意离婚，愿每月支付抚养费。');
  await page.getByLabel('调解情况').fill('双方同意离婚，就抚养和财产达成一致。');
  await checkScreen(page, testInfo, 'mediator-record');
  await page.getByRole('button', { name: '保存笔录' }).click();
  await expect(page.getByRole('heading', { name: '笔录已保存' })).toBeVisible();
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('draft'))),
  ).toEqual([]);

  // Extension with both parties' consent.
  await page.getByRole('link', { name: '返回案件' }).last().click();
  await page.getByRole('link', { name: '延长调解期限' }).click();
  await expect(page.getByLabel(/^申请人同意的时间/)).not.toHaveValue('');
  await expect(page.getByLabel(/^被申请人同意的时间/)).not.toHaveValue('');
  await page.getByLabel('延长理由').fill('双方就财产分割仍在协商');
  await checkScreen(page, testInfo, 'mediator-extension');
  await page.getByRole('button', { name: '确认延长' }).click();
  await expect(page.getByRole('heading', { name: '调解期限已延长' })).toBeVisible();

  // Outcome wizard: a divorce cannot be judicially confirmed, the wizard says so and refuses it.
  await page.getByRole('link', { name: '返回案件' }).last().click();
  await expect(page.getByText('还剩 45 天')).toBeVisible();
  await page.getByRole('link', { name: '提交调解结果' }).first().click();
  await page.getByRole('radio', { name: /^同意离婚并达成协议/ }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('radio', { name: /^申请司法确认/ })).toBeDisabled();
  await expect(page.getByText(/离婚不能申请司法确认/)).toBeVisible();
  await expect(page.getByRole('radio', { name: /^法院出具民事调解书/ })).toBeChecked();
  await checkScreen(page, testInfo, 'mediator-outcome-route');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('checkbox', { name: /已听取李小某本人的意见/ }).check();
  await page.getByLabel('李小某每月抚养费（元，可不填）').fill('1500');
  await checkScreen(page, testInfo, 'mediator-outcome-terms');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByRole('heading', { name: /调解结果已提交/ })).toBeVisible();

  // Documents: issue the 笔录 and open its PDF.
  await page.getByRole('link', { name: '返回案件' }).last().click();
  await expect(page.getByText('待审核').first()).toBeVisible();
  await page.getByRole('link', { name: /文书/ }).click();
  await page.getByRole('button', { name: /出具调解笔录/ }).click();
  await page.getByRole('button', { name: '查看《调解笔录》' }).click();
  await expect(page.getByRole('link', { name: '打开《调解笔录》PDF' })).toBeVisible();
  await expect(page.getByRole('button', { name: '分享《调解笔录》' })).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-documents');
});

test('a DV-flagged case: the banner, and joint sessions cannot be chosen; a stale write keeps the typed text', async ({
  page,
}, testInfo) => {
  await login(page);
  await page.goto(`/mediator/cases/${dvCase.id}`);
  await expect(page.getByRole('note', { name: '家暴风险提示' })).toContainText(
    '家暴风险案件：只能背对背调解',
  );
  await checkScreen(page, testInfo, 'mediator-dv-case');
  await page.getByRole('link', { name: '安排调解' }).first().click();
  await expect(page.getByRole('radio', { name: /面对面调解/ })).toBeDisabled();
  await expect(page.getByRole('radio', { name: /背对背调解/ })).toBeChecked();
  await expect(page.getByText('本案只能背对背调解，不能选择面对面。')).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-dv-schedule');

  // Someone else changes the case while she types: 409, her text stays, reload, send again.
  await page.getByRole('link', { name: '返回案件' }).first().click();
  await page.getByRole('link', { name: '延长调解期限' }).click();
  await page.getByLabel('延长理由').fill('被申请人外出务工，下周返回');
  const mediator = await apiAs(USERS.mediator.username);
  const inTwoDays = new Date(Date.now() + (8 + 48) * 3600_000).toISOString().slice(0, 10);
  const fresh = await ok(
    'GET case',
    mediator.GET('/api/v1/cases/{id}', { params: { path: { id: dvCase.id } } }),
  );
  await ok(
    'another session',
    mediator.POST('/api/v1/cases/{id}/sessions', {
      params: { path: { id: dvCase.id } },
      body: {
        version: fresh.version,
        scheduledAt: `${inTwoDays}T10:00:00+08:00`,
        durationMinutes: 60,
        location: '百合调解室',
        mode: 'in_person',
        format: 'shuttle',
      },
    }),
  );
  await page.getByRole('button', { name: '确认延长' }).click();
  await expect(page.getByRole('alert')).toContainText('该案件已被他人修改');
  await checkScreen(page, testInfo, 'mediator-conflict');
  await page.getByRole('button', { name: '重新载入案件（保留已填内容）' }).click();
  await expect(page.getByLabel('延长理由')).toHaveValue('被申请人外出务工，下周返回');

  // The API's field error appears next to its field; what was typed stays.
  await page.getByLabel(/^延长天数/).fill('0');
  await page.getByRole('button', { name: '确认延长' }).click();
  await expect(page.locator('.adm-form-item-feedback-error')).toBeVisible();
  await expect(page.getByLabel('延长理由')).toHaveValue('被申请人外出务工，下周返回');
  await checkScreen(page, testInfo, 'mediator-field-error');
  await page.getByLabel(/^延长天数/).fill('15');
  await page.getByRole('button', { name: '确认延长' }).click();
  await expect(page.getByRole('heading', { name: '调解期限已延长' })).toBeVisible();

  // A second session at the same time: warned before and after saving.
  await page.getByRole('link', { name: '返回案件' }).last().click();
  await page.getByRole('link', { name: '安排调解' }).first().click();
  await page.getByLabel(/^调解时间/).fill(`${inTwoDays}T10:30`);
  await expect(page.getByText(/时间重叠：您在/)).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-overlap');
  await page.getByRole('button', { name: '确定安排' }).click();
  await expect(page.getByRole('alert')).toContainText('该时间与您已安排的另一场调解重叠');
  await expect(page.getByRole('button', { name: '拨打孙秀英的电话' })).toBeVisible();
});

test('a referral can be declined from 今日 with a reason; it leaves her list', async ({
  page,
}, testInfo) => {
  await login(page);
  const referrals = page.getByRole('region', { name: /待接收的委派/ });
  await referrals.getByRole('link', { name: '拒绝或回避 冯小燕 案' }).click();
  await page.getByRole('radio', { name: /^申请回避/ }).check();
  await page.getByLabel(/^理由/).fill('被申请人是我的表弟，需回避');
  await checkScreen(page, testInfo, 'mediator-decline');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page).toHaveURL(/\/mediator$/);
  await expect(page.getByText('冯小燕')).toHaveCount(0);
});

test('after the supervisor approves, the follow-up visit (回访) is recorded on the phone', async ({
  page,
}, testInfo) => {
  const supervisor = await apiAs(USERS.supervisor.username);
  const pending = await ok(
    'GET case',
    supervisor.GET('/api/v1/cases/{id}', { params: { path: { id: story.id } } }),
  );
  await sent(
    'approve',
    supervisor.POST('/api/v1/cases/{id}/review', {
      params: { path: { id: story.id } },
      body: { decision: 'approve', version: pending.version },
    }),
  );
  await login(page);
  await page.goto(`/mediator/cases/${story.id}`);
  await expect(page.getByText('已结案').first()).toBeVisible();
  await page.getByRole('link', { name: '记录回访' }).click();
  await expect(page.getByRole('radio', { name: /结案后30天回访/ })).toBeChecked();
  await page.getByRole('radio', { name: '部分履行' }).check();
  await page.getByLabel(/^采取的措施/).fill('电话提醒男方按时支付抚养费');
  await checkScreen(page, testInfo, 'mediator-follow-up');
  await page.getByRole('button', { name: '保存回访' }).click();
  await expect(page.getByRole('heading', { name: '回访已记录' })).toBeVisible();
});

test("a mediator sees only her cases: another case's address says 未找到, not its data", async ({
  page,
}, testInfo) => {
  await login(page);
  await page.goto(`/mediator/cases/${notHers.id}`);
  await expect(page.getByText('未找到该案件')).toBeVisible();
  await expect(page.getByText('吴丽华')).toHaveCount(0);
  await checkScreen(page, testInfo, 'mediator-not-found');
  await page
    .getByRole('link', { name: /我的案件/ })
    .first()
    .click();
  await expect(page.getByRole('link', { name: /赵春梅 与 钱建国/ })).toBeVisible();
  await expect(page.getByText('吴丽华')).toHaveCount(0);
  await checkScreen(page, testInfo, 'mediator-cases');
});

test('长辈版 is on by default (text ≥ 18px, buttons ≥ 60px) and can be turned off (buttons ≥ 44px)', async ({
  page,
}, testInfo) => {
  await login(page);
  const toggle = page.getByRole('button', { name: /长辈版/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const sizes = () =>
    page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      const texts = [...document.querySelectorAll('main p, main li, main span, main a')].filter(
        (el) => el.textContent?.trim() && (el as HTMLElement).offsetParent !== null,
      );
      const targets = [
        ...document.querySelectorAll('main button, main a, nav a, nav button, header button'),
      ];
      return {
        minFont: Math.min(...texts.map(px)),
        smallest: texts.reduce((a, b) => (px(b) < px(a) ? b : a)).outerHTML.slice(0, 120),
        body: px(document.querySelector('main')!),
        minTarget: Math.min(...targets.map((el) => el.getBoundingClientRect().height)),
        width: document.scrollingElement!.scrollWidth,
      };
    });
  await page
    .getByRole('link', { name: /我的案件/ })
    .first()
    .click();
  await expect(page.getByRole('link', { name: /赵春梅 与 钱建国/ })).toBeVisible();
  const large = await sizes();
  expect(large.body).toBeGreaterThanOrEqual(20);
  expect(large.minFont, large.smallest).toBeGreaterThanOrEqual(18);
  expect(large.minTarget).toBeGreaterThanOrEqual(60);
  expect(large.width).toBeLessThanOrEqual(360);
  await checkScreen(page, testInfo, 'mediator-large-type');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const normal = await sizes();
  expect(normal.body).toBeGreaterThanOrEqual(18);
  expect(normal.minFont, normal.smallest).toBeGreaterThanOrEqual(18);
  expect(normal.minTarget).toBeGreaterThanOrEqual(44);
  expect(normal.width).toBeLessThanOrEqual(360);
  await checkScreen(page, testInfo, 'mediator-normal-type');
});
