import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeWithAgreement, makeCase } from './cases';
import { expectAccessible, loginAs, screenshot } from './support';
import { apiAs, ok, PASSWORD, USERS } from './world';

// The clerk after referral: the referral letter of an assigned case, a refused case back to
// filing, judicial confirmation step by step; and a form whose case changed meanwhile (409).

/** Today plus n days on the Asia/Shanghai calendar, as typed into a date picker (2026-12-07). */
const shanghaiDay = (n = 0) =>
  new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
/**
 * Picks an option of an antd Select (its options are not in the accessibility tree). A click
 * that lands while the list is still sliding open can miss on a loaded machine: tried again until
 * the list has closed on the choice.
 */
async function pick(page: Page, field: Locator, option: string) {
  const open = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await open.count()) === 0) await field.click();
    await open
      .locator('.ant-select-item-option', { hasText: option })
      .first()
      .click({ timeout: 5_000 });
    await expect(open).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** The same day as the clerk reads it (2026年12月7日). */
const chineseDay = (n = 0) => {
  const [y, m, d] = shanghaiDay(n).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

test('prints the referral letter of an assigned case: the PDF opens in a new tab', async ({
  page,
}, testInfo) => {
  const clerk = await apiAs(USERS.clerk.username);
  const kase = await makeCase(clerk, ['赵丽', '孙强'], 'referred');
  const supervisor = await apiAs(USERS.supervisor.username);
  const roster = await ok('roster', supervisor.GET('/api/v1/mediators', {}));
  const mediator = roster.items.find((m) => m.displayName === USERS.mediator.displayName)!;
  await ok(
    'assign',
    supervisor.POST('/api/v1/cases/{id}/assignment', {
      params: { path: { id: kase.id } },
      body: {
        mediatorId: mediator.id,
        version: (
          await ok('case', clerk.GET('/api/v1/cases/{id}', { params: { path: { id: kase.id } } }))
        ).version,
      },
    }),
  );

  await loginAs(page, USERS.clerk.username, PASSWORD);
  await expect(page).toHaveURL(/\/clerk$/);
  await page.goto(`/clerk/cases/${kase.id}`);
  await expect(page.getByText('待接收').first()).toBeVisible();
  const pdf = page.waitForResponse((r) => /\/api\/v1\/documents\/[^/]+\/pdf$/.test(r.url()));
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: '打印委派调解函' }).click();
  const response = await pdf;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const tab = await popup;
  await expect.poll(() => tab.url()).toMatch(/^blob:/);
  await tab.close();
  // The same document through the API, kept to look at (pdftoppm -r 80 -png).
  const documentId = /documents\/([^/]+)\/pdf$/.exec(response.url())![1];
  const { data } = await clerk.GET('/api/v1/documents/{id}/pdf', {
    params: { path: { id: documentId } },
    parseAs: 'arrayBuffer',
  });
  const body = Buffer.from(data as ArrayBuffer);
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  // The folder the screenshots go to (this test may be the first to write there).
  mkdirSync(path.join('test-results', 'screenshots'), { recursive: true });
  writeFileSync(
    path.join('test-results', 'screenshots', `${testInfo.project.name}-referral-letter.pdf`),
    body,
  );
  // Issued once: it is listed with the case's documents.
  await expect(page.getByText(/委派调解函（第1版/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-case-assigned');
});

test('a refused case waits in 待转立案 until the clerk records its court filing', async ({
  page,
}, testInfo) => {
  const clerk = await apiAs(USERS.clerk.username);
  const kase = await makeCase(clerk, ['周敏', '吴刚'], 'refused');
  await loginAs(page, USERS.clerk.username, PASSWORD);
  await page.getByText('待转立案（拒绝/超期）').click();
  const row = page.getByRole('row', { name: /周敏、吴刚/ });
  await expect(row).toContainText('当事人拒绝调解');
  await expect(row).toContainText('已结案');
  // The list at rest: while it is fetched the table is dimmed (and its links with it).
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-queue-back-to-filing');
  await row.getByRole('link', { name: kase.caseNumber }).click();

  await expect(page.getByRole('heading', { name: '结案后续：转立案' })).toBeVisible();
  await page.getByLabel('立案案号').fill('（2026）鲁0281民初1234号');
  await page.getByLabel('立案日期').click();
  await page.getByLabel('立案日期').fill('2026-12-07');
  // Enter picks the date and sends the form, as at any desk.
  await page.getByLabel('立案日期').press('Enter');
  await expect(page.getByText('（2026）鲁0281民初1234号（2026年12月7日立案）')).toBeVisible();
  // Recorded once; the form gives way to what was recorded.
  await expect(page.getByText(/：登记立案$/)).toHaveCount(1);
  await expect(page.getByRole('button', { name: '登记立案' })).toBeHidden();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-court-filing');
});

test('a consent form whose case changed meanwhile: 该案件已被他人修改, 重新载入 keeps what was typed, then saves', async ({
  page,
}, testInfo) => {
  const clerk = await apiAs(USERS.clerk.username);
  const kase = await makeCase(clerk, ['郑芳', '王磊'], 'received');
  await loginAs(page, USERS.clerk.username, PASSWORD);
  await expect(page).toHaveURL(/\/clerk$/);
  await page.goto(`/clerk/cases/${kase.id}`);
  await page.getByRole('button', { name: '记录申请人郑芳的调解意愿' }).click();
  const dialog = page.getByRole('dialog', { name: '记录申请人郑芳的调解意愿' });
  await dialog.getByRole('radio', { name: '同意调解' }).check();
  await pick(page, dialog.getByLabel('确认方式'), '当面确认');

  // Meanwhile a colleague records the respondent's consent: the case's version moves on.
  const current = await ok(
    'GET case',
    clerk.GET('/api/v1/cases/{id}', { params: { path: { id: kase.id } } }),
  );
  const respondent = current.parties.find((p) => p.role === 'respondent')!;
  await ok(
    'consent',
    clerk.POST('/api/v1/cases/{id}/consents', {
      params: { path: { id: kase.id } },
      body: {
        partyId: respondent.id,
        decision: 'consented',
        method: 'phone',
        recordedAt: new Date().toISOString(),
        version: current.version,
      },
    }),
  );

  await dialog.getByRole('button', { name: '保存' }).click();
  const stale = dialog.getByRole('alert').filter({ hasText: '该案件已被他人修改' });
  await expect(stale).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '同意调解' })).toBeChecked();
  await expect(dialog.getByText('当面确认')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-consent-stale');

  await stale.getByRole('button', { name: '重新载入' }).click();
  await expect(stale).toBeHidden();
  // The page now shows the colleague's record; the form still holds what was typed.
  await expect(page.getByText(/同意调解（电话确认/)).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '同意调解' })).toBeChecked();
  await expect(dialog.getByText('当面确认')).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/同意调解（当面确认/)).toBeVisible();
  const saved = await ok(
    'GET case',
    clerk.GET('/api/v1/cases/{id}', { params: { path: { id: kase.id } } }),
  );
  expect(saved.consents.map((c) => c.method).sort()).toEqual(['in_person', 'phone']);
});

test('judicial confirmation step by step: 申请 → 受理 (a date out of order is refused beside it) → 裁定', async ({
  page,
}, testInfo) => {
  const clerk = await apiAs(USERS.clerk.username);
  const kase = await makeCase(clerk, ['冯霞', '蒋涛'], 'referred');
  await closeWithAgreement(kase.id, 'judicial_confirmation');
  await loginAs(page, USERS.clerk.username, PASSWORD);
  await expect(page).toHaveURL(/\/clerk$/);
  await page.goto(`/clerk/cases/${kase.id}`);
  await expect(page.getByRole('heading', { name: '结案后续：申请司法确认' })).toBeVisible();

  // Only the next step is offered: the application.
  const apply = page.getByRole('region', { name: '登记司法确认申请' });
  await expect(apply.getByLabel('受理日期')).toHaveCount(0);
  await apply.getByLabel('申请日期').click();
  await apply.getByLabel('申请日期').fill(shanghaiDay());
  await apply.getByLabel('申请日期').press('Enter');
  await expect(page.getByText(`${chineseDay()}申请`)).toBeVisible();

  // Acceptance dated before the application: the API refuses it, beside the date typed.
  const accept = page.getByRole('region', { name: '登记法院受理' });
  await accept.getByLabel('受理日期').click();
  await accept.getByLabel('受理日期').fill(shanghaiDay(-1));
  await accept.getByLabel('受理日期').press('Enter');
  await expect(accept.getByText('申请、受理和裁定的时间应依次先后')).toBeVisible();
  await expect(accept.getByLabel('受理日期')).toHaveAccessibleDescription(/依次先后/);
  await expect(accept.getByLabel('受理日期')).toHaveValue(chineseDay(-1));
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-jc-order-refused');

  await accept.getByLabel('受理日期').click();
  await accept.getByLabel('受理日期').fill(shanghaiDay());
  await accept.getByLabel('受理日期').press('Enter');
  await expect(page.getByText(`${chineseDay()}受理`)).toBeVisible();

  const decide = page.getByRole('region', { name: '登记裁定结果' });
  await decide.getByLabel('裁定日期').click();
  await decide.getByLabel('裁定日期').fill(shanghaiDay());
  // Tab leaves the picker with the typed date taken (Enter would also send the form).
  await decide.getByLabel('裁定日期').press('Tab');
  await expect(decide.getByLabel('裁定日期')).toHaveValue(chineseDay());
  await pick(page, decide.getByLabel('裁定结果'), '裁定确认有效');
  await decide.getByLabel('裁定书文号').fill('（2026）鲁0281民特12号');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-jc-decision-form');
  await decide.getByRole('button', { name: '登记裁定' }).click();
  await expect(page.getByText(`${chineseDay()}裁定确认有效，（2026）鲁0281民特12号`)).toBeVisible();
  // Every step recorded: no form is left, each step is in the timeline.
  await expect(page.getByRole('region', { name: /^登记/ })).toHaveCount(0);
  await expect(page.getByText(/：登记司法确认$/)).toHaveCount(3);
  const tracked = await ok(
    'GET case',
    clerk.GET('/api/v1/cases/{id}', { params: { path: { id: kase.id } } }),
  );
  expect(tracked.tracking).toMatchObject({
    jcResult: 'confirmed',
    jcRulingNumber: '（2026）鲁0281民特12号',
  });
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-jc-decided');
});

test('registry divorce: the application is recorded, then 领证 waits for the 30-day cooling-off', async ({
  page,
}, testInfo) => {
  const clerk = await apiAs(USERS.clerk.username);
  const kase = await makeCase(clerk, ['韩梅', '朱军'], 'referred');
  await closeWithAgreement(kase.id, 'registry_divorce');
  await loginAs(page, USERS.clerk.username, PASSWORD);
  await expect(page).toHaveURL(/\/clerk$/);
  await page.goto(`/clerk/cases/${kase.id}`);
  await expect(page.getByRole('heading', { name: '结案后续：婚姻登记机关协议离婚' })).toBeVisible();
  const apply = page.getByRole('region', { name: '登记协议离婚申请' });
  await expect(apply.getByLabel('领证日期')).toHaveCount(0);
  await apply.getByLabel('登记申请日期').click();
  await apply.getByLabel('登记申请日期').fill(shanghaiDay());
  await apply.getByLabel('登记申请日期').press('Enter');
  await expect(page.getByText(`${chineseDay()}申请，冷静期至${chineseDay(30)}`)).toBeVisible();
  await expect(page.getByText(`应于${chineseDay(60)}前领证`)).toBeVisible();

  // A certificate before the cooling-off ends cannot be: said beside the date, nothing sent.
  const certificate = page.getByRole('region', { name: '登记领证' });
  await certificate.getByLabel('领证日期').click();
  await certificate.getByLabel('领证日期').fill(shanghaiDay());
  await certificate.getByLabel('领证日期').press('Enter');
  await expect(certificate.getByText(`冷静期至${chineseDay(30)}，届满后方可领证`)).toBeVisible();
  await expect(page.getByText(/：登记协议离婚$/)).toHaveCount(1);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-registry-divorce');
});
