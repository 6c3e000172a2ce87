import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs, screenshot } from './support';
import { PASSWORD, USERS } from './world';

test('mediator: logs in on her phone without loading the desk kit, logs out', async ({
  page,
  context,
}, testInfo) => {
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.url());
  });
  await page.goto('/');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'login');
  await loginAs(page, USERS.mediator.username, PASSWORD);
  await expect(page).toHaveURL(/\/mediator$/);
  await expect(page.getByText(`${USERS.mediator.displayName}，您好`)).toBeVisible();
  await expect(page.getByText('今日暂无安排')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'mediator-home');
  // The desk layout chunk (antd) is never fetched on the phone.
  expect(scripts.filter((url) => /DeskLayout/.test(url))).toEqual([]);

  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await context.cookies()).toEqual([]);
});
