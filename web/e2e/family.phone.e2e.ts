import { expect, test } from '@playwright/test';
import { checkScreen, idNumber, makeCase } from './mediator-world';
import { loginAs } from './support';
import { apiAs, ok, PASSWORD, USERS } from './world';

// Issue #21 on the mediator's phone: the same family comes back. She sees the family's earlier
// cases she was assigned, and not one of the same people that was never hers. Serials 610–619.

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const P = idNumber('1992-08-21', 610);

test('该家庭有 N 条更早的记录 on her case: only the cases she was assigned', async ({
  page,
}, testInfo) => {
  const names = { applicant: '蒋玉兰', respondent: '沈国强', serial: 0 } as const;
  const earlier = await makeCase({
    ...names,
    ids: [P, idNumber('1990-01-03', 611)],
    receivedAt: daysAgo(90),
  });
  const notHers = await makeCase({
    ...names,
    ids: [P, idNumber('1990-01-04', 613)],
    receivedAt: daysAgo(60),
    assign: false,
  });
  const current = await makeCase({ ...names, ids: [P, idNumber('1990-01-05', 615)] });
  const clerk = await apiAs(USERS.clerk.username);
  const numberOf = async (id: string) =>
    (await ok('GET case', clerk.GET('/api/v1/cases/{id}', { params: { path: { id } } })))
      .caseNumber;
  const [earlierNumber, notHersNumber] = [await numberOf(earlier.id), await numberOf(notHers.id)];

  await loginAs(page, USERS.mediator.username, PASSWORD);
  await expect(page).toHaveURL(/\/mediator$/);
  await page.goto(`/mediator/cases/${current.id}`);
  const family = page.getByRole('region', { name: '家庭记录' });
  await expect(family.getByText('该家庭有 1 条更早的记录')).toBeVisible();
  await expect(family.getByRole('link', { name: earlierNumber })).toBeVisible();
  await expect(family.getByText('同一当事人：蒋玉兰（本案申请人）')).toBeVisible();
  await expect(page.getByText(notHersNumber)).toHaveCount(0);
  await expect(page.getByText(P)).toHaveCount(0);
  // 长辈版 (on by default): the line is in large type.
  const size = await family
    .getByText('该家庭有 1 条更早的记录')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(21);
  await family.scrollIntoViewIfNeeded();
  await checkScreen(page, testInfo, 'mediator-family');

  // The earlier case opens from its number; it has no earlier record, and lists the later one.
  await family.getByRole('link', { name: earlierNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/mediator/cases/${earlier.id}$`));
  const back = page.getByRole('region', { name: '家庭记录' });
  await expect(back.getByText('该家庭没有更早的记录')).toBeVisible();
  await expect(back.getByText(notHersNumber)).toHaveCount(0);
});
