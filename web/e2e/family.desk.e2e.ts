import { expect, test } from '@playwright/test';
import { idNumber, makeCase } from './mediator-world';
import { expectAccessible, loginAs, screenshot } from './support';
import { apiAs, ok, PASSWORD, USERS } from './world';

// Issue #21 on the clerk's desk: the same family comes back. A dispute received months ago and a
// divorce referral now, of the same applicant (same ID number), list each other under 家庭记录; a
// case of other people with the same names does not. Serials 600–609 are this file's.

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const P = idNumber('1992-08-20', 600);

test('家庭记录 on the clerk’s case: the earlier case of the same applicant, linked; other people with the same names are not there', async ({
  page,
}, testInfo) => {
  const clerk = await apiAs(USERS.clerk.username);
  const names = { applicant: '何淑珍', respondent: '韩志明', assign: false } as const;
  const march = await makeCase({
    ...names,
    serial: 0,
    ids: [P, idNumber('1990-01-01', 601)],
    receivedAt: daysAgo(120),
  });
  const now = await makeCase({ ...names, serial: 0, ids: [P, idNumber('1990-01-02', 603)] });
  const others = await makeCase({
    ...names,
    serial: 0,
    ids: [idNumber('1992-08-20', 602), idNumber('1990-01-01', 605)],
    receivedAt: daysAgo(60),
  });
  const numberOf = async (id: string) =>
    (await ok('GET case', clerk.GET('/api/v1/cases/{id}', { params: { path: { id } } })))
      .caseNumber;
  const [marchNumber, otherNumber] = [await numberOf(march.id), await numberOf(others.id)];

  await loginAs(page, USERS.clerk.username, PASSWORD);
  await expect(page).toHaveURL(/\/clerk/);
  await page.goto(`/clerk/cases/${now.id}`);
  const panel = page.getByRole('region', { name: '家庭记录' });
  await expect(panel.getByText('该家庭有 1 条更早的记录')).toBeVisible();
  await expect(panel.getByRole('link', { name: marchNumber })).toBeVisible();
  await expect(
    panel.getByText(/共同当事人：何淑珍（本案申请人，该案申请人，身份证 370281\*+/),
  ).toBeVisible();
  await expect(panel.getByText('（早于本案）')).toBeVisible();
  // Masked as the detail masks: never the full number.
  await expect(page.getByText(P)).toHaveCount(0);
  await expect(page.getByText(otherNumber)).toHaveCount(0);
  await panel.scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-family');

  // The earlier case opens from its number and lists the later one.
  await panel.getByRole('link', { name: marchNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/clerk/cases/${march.id}$`));
  const back = page.getByRole('region', { name: '家庭记录' });
  await expect(back.getByText('该家庭没有更早的记录，有 1 条更晚的记录')).toBeVisible();
  await expect(back.getByText('（晚于本案）')).toBeVisible();

  // Other people with the same names: no panel at all.
  await page.goto(`/clerk/cases/${others.id}`);
  await expect(page.getByRole('heading', { name: otherNumber })).toBeVisible();
  await expect(page.getByRole('heading', { name: '未成年子女' })).toBeVisible();
  await expect(page.getByRole('region', { name: '家庭记录' })).toHaveCount(0);
});
