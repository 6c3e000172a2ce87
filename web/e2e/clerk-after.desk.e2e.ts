import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeCase } from './cases';
import { expectAccessible, loginAs, screenshot } from './support';
import { apiAs, ok, PASSWORD, USERS } from './world';

// The clerk after referral: the referral letter of an assigned case, a refused case back to filing.

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
