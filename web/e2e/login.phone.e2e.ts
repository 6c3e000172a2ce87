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

test('mediator: a reload restores her session with one refresh and asks for 今日 once, under the page CSP', async ({
  page,
}) => {
  await page.goto('/');
  await loginAs(page, USERS.mediator.username, PASSWORD);
  await expect(page.getByRole('heading', { name: /^今日调解/ })).toBeVisible();

  const calls: string[] = [];
  const errors: string[] = [];
  // Who sent each API call: the page's own inline script, or a script file of the app.
  const sentBy = new Map<string, string>();
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (event) => {
    const url = new URL(event.request.url);
    if (!url.pathname.startsWith('/api/')) return;
    const call = `${event.request.method} ${url.pathname}`;
    calls.push(call);
    const frames = event.initiator.stack?.callFrames ?? [];
    const script = frames.find((frame) => frame.url)?.url ?? '';
    sentBy.set(call, !script ? 'unknown' : /\/assets\//.test(script) ? 'app' : 'page');
  });
  await cdp.send('Network.enable');
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: /^今日调解/ })).toBeVisible();
  await expect(page.getByText(`${USERS.mediator.displayName}，您好`)).toBeVisible();
  // The refresh index.html started and the first screen's three reads it sent early are taken
  // by the app as they are: a second refresh would spend a rotated token, a second read is waste.
  const count = (call: string) => calls.filter((c) => c === call).length;
  await expect.poll(() => count('GET /api/v1/notifications')).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { name: /^未读通知/ })).toBeVisible();
  expect(count('POST /api/v1/auth/refresh')).toBe(1);
  expect(count('GET /api/v1/me/agenda')).toBe(1);
  expect(count('GET /api/v1/cases')).toBe(1);
  expect(count('GET /api/v1/notifications')).toBe(1);
  for (const call of [
    'POST /api/v1/auth/refresh',
    'GET /api/v1/me/agenda',
    'GET /api/v1/cases',
    'GET /api/v1/notifications',
  ])
    expect([call, sentBy.get(call)]).toEqual([call, 'page']);
  // The inline script ran under the CSP (its hash allowed it) and nothing was refused.
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  const preloads = await page
    .locator('link[rel="modulepreload"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  // 今日 and the phone kit it needs: the chunk named after her role (web/vite.config.ts).
  expect(preloads.some((href) => /\/assets\/mediator-/.test(href))).toBe(true);
  expect(preloads.filter((href) => /DeskLayout/.test(href))).toEqual([]);
});

test("the app shell is installed: offline the page opens from the phone's cache as hers, a screen that never arrived says so in Chinese, and only the app's files are cached", async ({
  page,
  context,
}) => {
  await page.goto('/login');
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);
  // Her screens, fetched once under the worker, are kept by it.
  await loginAs(page, USERS.mediator.username, PASSWORD);
  await expect(page.getByRole('heading', { name: /^今日调解/ })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  // The page and its scripts come from the cache; with no network the session cannot be
  // restored, so the phone opens as hers from what it kept (mediator-offline.phone.e2e.ts).
  await expect(page).toHaveURL(/\/mediator$/);
  await expect(page.getByText(/^当前离线/)).toBeVisible();
  await expect(page.getByText(`${USERS.mediator.displayName}，您好`)).toBeVisible();
  // A screen this phone never loaded cannot arrive: said plainly, with a way to retry.
  await page.goto('/mediator/cases/00000000-0000-4000-8000-000000000000/documents');
  await expect(page.getByRole('heading', { name: '页面没有加载完整' })).toBeVisible();
  await expect(page.getByRole('button', { name: '重新加载' })).toBeVisible();
  await expectAccessible(page);

  const cached = await page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys())
        paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  expect(cached).toContain('/index.html');
  expect(cached.some((path) => /^\/assets\/mediator-.*\.js$/.test(path))).toBe(true);
  // Never an API answer: nothing of a user is kept by the worker.
  expect(cached.filter((path) => !/^\/(index\.html|assets\/)/.test(path))).toEqual([]);
  await context.setOffline(false);
});
