/**
 * The web app on a phone and at a desk: the JavaScript each role's first screen downloads (as
 * served, and gzipped: the target is < 250 KB gzip for the mediator's 今日) and the time from
 * navigation to a usable first screen under Chromium DevTools' "Slow 3G" preset plus 4× CPU
 * throttling, beside the same navigation unthrottled in the same run. The desk homes (clerk,
 * supervisor) are the baseline the mediator's phone screen is set against (docs/design/quality.md).
 *
 * The built server (dist/src/all-in-one.js) runs on its own port, database and Redis db, with
 * the admin from BOOTSTRAP_ADMIN_PASSWORD; a mediator, a clerk and a supervisor are made
 * through the API. Each measured navigation runs in a fresh browser context (cold HTTP cache)
 * that already holds a refresh cookie from a login (warm login): the app restores the session,
 * loads the role's chunks and its first data, as after a phone is unlocked. The "cached" column
 * is a second visit, throttled the same, after a first one installed the app shell (the service
 * worker answers the page, the hashed files come from its cache or the HTTP cache): what a
 * mediator meets every morning after her first day.
 *
 *   npm run bench:web          BENCH_ROUNDS=3 BENCH_WEB_PORT=3190 to override
 *   BENCH_WEB_TRACE=1          prints each throttled navigation's requests (start → end, size)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { Redis } from 'ioredis';
import pg from 'pg';
import { line, login, positiveInt, recreateDatabase, SERVER_URL } from './support.js';

const DB_NAME = 'mediation_bench_web';
const REDIS_URL = 'redis://127.0.0.1:6379/2';
const ADMIN_PASSWORD = 'bench-web-admin-password';
const PASSWORD = 'Bench-web-pass-2026';
const TARGET_KB = 250;
const TIMEOUT_MS = 180_000;
const W = 30;
const C = 12;

/** Chrome DevTools' "Slow 3G" preset (NetworkManager.ts): 400 kbit/s each way, 2 s RTT. */
const SLOW_3G = {
  offline: false,
  downloadThroughput: ((500 * 1000) / 8) * 0.8,
  uploadThroughput: ((500 * 1000) / 8) * 0.8,
  latency: 400 * 5,
};
const CPU_SLOWDOWN = 4;

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
const DESK: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };

interface Screen {
  name: string;
  username: string;
  path: string;
  context: BrowserContextOptions;
  /** Visible once the screen is usable: its heading and its first data are on it. */
  ready: (page: Page) => ReturnType<Page['locator']>;
}

const SCREENS: Screen[] = [
  {
    name: 'mediator 今日 (phone)',
    username: 'bench-mediator',
    path: '/mediator',
    context: PHONE,
    ready: (page) => page.getByRole('heading', { name: /^今日调解/ }),
  },
  {
    name: 'clerk 本院案件 (desk)',
    username: 'bench-clerk',
    path: '/clerk',
    context: DESK,
    ready: (page) =>
      page.locator('.ant-table-wrapper:not(:has(.ant-spin-spinning)) .ant-table-tbody'),
  },
  {
    name: 'supervisor 统计概览 (desk)',
    username: 'bench-supervisor',
    path: '/supervisor',
    context: DESK,
    ready: (page) => page.getByRole('heading', { name: '案件数' }),
  },
];

interface Run {
  ms: number;
  /** Script URL → bytes of its body on the wire. */
  scripts: Map<string, number>;
}

async function post(baseUrl: string, token: string, path: string, body: unknown): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return (JSON.parse(text) as { id: string }).id;
}

/** As web/e2e/world.setup.ts: a county court, a township committee, one user per role. */
async function makeWorld(baseUrl: string): Promise<void> {
  const token = await login(baseUrl, 'admin', ADMIN_PASSWORD);
  const region = (code: string, name: string, level: string, parentId: string | null) =>
    post(baseUrl, token, '/regions', { code, name, level, parentId });
  const city = await region('370200000000', '青岛市', 'city', null);
  const county = await region('370281000000', '胶州市', 'county', city);
  const town = await region('370281105000', '胶西镇', 'township', county);
  const village = await region('370281105201', '胶西村', 'village', town);
  const court = await post(baseUrl, token, '/courts', {
    code: 'J37',
    name: '胶州市人民法院',
    regionId: county,
  });
  const org = await post(baseUrl, token, '/organizations', {
    name: '胶西镇婚姻家庭纠纷人民调解委员会',
    regionId: town,
    rooms: ['百合调解室'],
  });
  const user = (username: string, displayName: string, extra: Record<string, unknown>) =>
    post(baseUrl, token, '/users', { username, displayName, password: PASSWORD, ...extra });
  await user('bench-clerk', '王敏', { role: 'clerk', courtId: court });
  await user('bench-mediator', '刘桂兰', {
    role: 'mediator',
    regionId: village,
    organizationId: org,
    phone: '13800000011',
  });
  await user('bench-supervisor', '陈静', { role: 'supervisor', regionId: county });
}

/** One cold-cache navigation to a screen with a warm login, throttled or not. */
async function measure(
  browser: Browser,
  baseUrl: string,
  screen: Screen,
  throttled: boolean,
  /** The app's files already in the HTTP cache from an earlier visit (as every morning after the first). */
  cached = false,
): Promise<Run> {
  const context = await browser.newContext({
    ...screen.context,
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    // The web login: the refresh token lands in the context's httpOnly cookie.
    const response = await context.request.post('/api/v1/auth/login', {
      headers: { 'X-Requested-With': 'mediation-web' },
      data: { username: screen.username, password: PASSWORD },
    });
    if (response.status() !== 200) throw new Error(`login answered ${response.status()}`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let start = performance.now();
    const pending = new Map<string, { url: string; headerBytes: number }>();
    const scripts = new Map<string, number>();
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') {
        pending.set(event.requestId, {
          url: event.response.url,
          headerBytes: event.response.encodedDataLength,
        });
      }
    });
    cdp.on('Network.loadingFinished', (event) => {
      const script = pending.get(event.requestId);
      if (script) scripts.set(script.url, event.encodedDataLength - script.headerBytes);
    });
    // BENCH_WEB_TRACE=1: each request's start and end (ms after navigation) for the throttled runs.
    const trace = throttled && process.env.BENCH_WEB_TRACE === '1';
    const sent = new Map<string, { url: string; at: number }>();
    const waterfall: string[] = [];
    if (trace) {
      cdp.on('Network.requestWillBeSent', (event) => {
        sent.set(event.requestId, { url: event.request.url, at: performance.now() });
      });
      cdp.on('Network.loadingFinished', (event) => {
        const request = sent.get(event.requestId);
        if (!request) return;
        const url = new URL(request.url);
        waterfall.push(
          `    ${seconds(request.at - start).padStart(6)} → ${seconds(performance.now() - start).padStart(6)} s ` +
            `${kb(event.encodedDataLength).padStart(6)} KB  ${url.pathname}${url.search}`,
        );
      });
    }
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    if (cached) {
      await page.goto(screen.path, { waitUntil: 'commit', timeout: TIMEOUT_MS });
      await screen.ready(page).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
      // The app shell's service worker, installed by this first visit, answers the next one.
      await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
      await page.goto('about:blank');
      scripts.clear();
      waterfall.length = 0;
    }
    if (throttled) {
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }
    start = performance.now();
    await page.goto(screen.path, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await screen.ready(page).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const ms = performance.now() - start;
    // Chunks fetched just after the screen shows (preloads) are part of its download too.
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
    if (trace) {
      const how = cached ? 'cached' : 'cold';
      console.log(
        `  ${screen.name} (${how}), usable at ${seconds(ms)} s:\n${waterfall.join('\n')}`,
      );
    }
    return { ms, scripts };
  } finally {
    await context.close();
  }
}

/** Bytes of the scripts as the server sent them, and gzipped (zlib's default level). */
async function sizes(scripts: Map<string, number>): Promise<{ wire: number; gzip: number }> {
  let wire = 0;
  let gzip = 0;
  for (const [url, bytes] of scripts) {
    wire += bytes;
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    gzip += gzipSync(body).length;
  }
  return { wire, gzip };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function startServer(port: number): Promise<{ server: ChildProcess; baseUrl: string }> {
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn('node', ['dist/src/all-in-one.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DB_NAME}`,
      REDIS_URL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      LOGIN_THROTTLE_LIMIT_PER_MINUTE: '100000',
      THROTTLE_LIMIT_PER_MINUTE: '100000',
    },
  });
  for (let waited = 0; ; waited += 250) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { server, baseUrl };
    if (waited > 120_000) throw new Error('server not ready after 120 s');
    await sleep(250);
  }
}

async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  const killer = setTimeout(() => server.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

async function dropDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  } finally {
    await client.end();
  }
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
}

/** `line` with the screen's name padded by its width on a terminal (a CJK character is two). */
const row = (name: string, cells: string[]): string => {
  const width = [...name].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  return name + ' '.repeat(Math.max(0, W - width)) + line('', cells, 0, C);
};

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const seconds = (ms: number): string => (ms / 1000).toFixed(2);

export async function main(): Promise<void> {
  const rounds = positiveInt('BENCH_ROUNDS', 3);
  const port = positiveInt('BENCH_WEB_PORT', 3190);
  await recreateDatabase(DB_NAME);
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const started = await startServer(port);
    server = started.server;
    const { baseUrl } = started;
    await makeWorld(baseUrl);
    browser = await chromium.launch(CHROMIUM);

    console.log(
      `${rounds} rounds; throttled: Slow 3G (${SLOW_3G.downloadThroughput / 1000} kB/s down/up, ` +
        `${SLOW_3G.latency} ms RTT) + ${CPU_SLOWDOWN}× CPU; cold cache (and cached: a second visit), warm login`,
    );
    const results = SCREENS.map(() => ({
      fast: [] as number[],
      slow: [] as number[],
      cached: [] as number[],
    }));
    const downloads = SCREENS.map(() => new Map<string, number>());
    for (let round = 1; round <= rounds; round++) {
      for (const [i, screen] of SCREENS.entries()) {
        const fast = await measure(browser, baseUrl, screen, false);
        const slow = await measure(browser, baseUrl, screen, true);
        const cached = await measure(browser, baseUrl, screen, true, true);
        results[i].fast.push(fast.ms);
        results[i].slow.push(slow.ms);
        results[i].cached.push(cached.ms);
        for (const [url, bytes] of [...fast.scripts, ...slow.scripts]) {
          downloads[i].set(url, bytes);
        }
        console.log(
          `  round ${round} ${screen.name}: ${seconds(slow.ms)} s throttled, ` +
            `${seconds(cached.ms)} s throttled with the app cached, ` +
            `${seconds(fast.ms)} s unthrottled, ${fast.scripts.size} scripts`,
        );
      }
    }

    const lines = [
      row('screen', [
        'JS wire KB',
        'JS gzip KB',
        `vs ${TARGET_KB} KB`,
        'slow3G+4×',
        'cached',
        'unthrottled',
        'ratio',
      ]),
    ];
    const summary: { gzip: number; slow: number; cached: number }[] = [];
    for (const [i, screen] of SCREENS.entries()) {
      const { wire, gzip } = await sizes(downloads[i]);
      const slow = median(results[i].slow);
      const fast = median(results[i].fast);
      const cached = median(results[i].cached);
      summary.push({ gzip, slow, cached });
      lines.push(
        row(screen.name, [
          kb(wire),
          kb(gzip),
          `${((gzip / 1024 / TARGET_KB) * 100).toFixed(0)} %`,
          `${seconds(slow)} s`,
          `${seconds(cached)} s`,
          `${seconds(fast)} s`,
          `${(slow / fast).toFixed(1)}×`,
        ]),
      );
    }
    console.log(lines.join('\n'));
    const [phone, ...desks] = summary;
    for (const [k, desk] of desks.entries()) {
      const name = SCREENS[k + 1].name;
      console.log(
        `mediator 今日 / ${name}: JS gzip ${(phone.gzip / desk.gzip).toFixed(2)}×, ` +
          `throttled time ${(phone.slow / desk.slow).toFixed(2)}×`,
      );
    }
    console.log(
      `targets: mediator JS < ${TARGET_KB} KB gzip (aim 150): ${kb(phone.gzip)} KB; ` +
        `今日 usable throttled < 6 s (aim 3): ${seconds(phone.slow)} s ` +
        `(${seconds(phone.cached)} s with the app's files cached)`,
    );
  } finally {
    await browser?.close();
    await stopServer(server);
    await dropDatabase();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
