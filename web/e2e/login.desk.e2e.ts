import { expect, test } from '@playwright/test';
import { WEB_TEST } from './env';
import { expectAccessible, loginAs, screenshot } from './support';
import { PASSWORD, USERS } from './world';

test('the login page is Chinese, accessible, and says why a login failed', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: '诉前家事调解' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'login');
  await loginAs(page, USERS.clerk.username, 'wrong-password');
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
  await expect(page.getByLabel('用户名')).toHaveValue(USERS.clerk.username);
  await screenshot(page, testInfo, 'login-error');
});

for (const role of ['clerk', 'supervisor', 'admin'] as const) {
  test(`${role}: logs in to her home, survives a reload, logs out`, async ({
    page,
    context,
  }, testInfo) => {
    const password = role === 'admin' ? WEB_TEST.adminPassword : PASSWORD;
    await loginAs(page, USERS[role].username, password);
    await expect(page).toHaveURL(new RegExp(`/${role}$`));
    await expect(page.getByText(USERS[role].displayName, { exact: false })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, testInfo, `${role}-home`);

    // Nothing but the httpOnly refresh cookie, scoped to the refresh route, is kept.
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.path, c.httpOnly, c.sameSite])).toEqual([
      ['mediation_refresh', '/api/v1/auth/refresh', true, 'Strict'],
    ]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

    // The access token lives in memory: a reload restores the session from the cookie.
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`/${role}$`));
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();

    // A desk user never lands on another role's part of the app.
    await page.goto(role === 'clerk' ? '/admin' : '/clerk');
    await expect(page).toHaveURL(new RegExp(`/${role}$`));

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login$/);
    expect(await context.cookies()).toEqual([]);
    await page.goto(`/${role}`);
    await expect(page).toHaveURL(/\/login\?next=/);
  });
}
