import { defineConfig, devices } from '@playwright/test';
import { WEB_TEST } from './e2e/env';

// Browser tests against the BUILT app (`npm run test:web` builds first), on a fresh database.
// Port, database and Redis come from env (e2e/env.ts) so several copies can run side by side.
const chromium = {
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

export default defineConfig({
  testDir: 'e2e',
  outputDir: '../test-results/playwright',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Generous: the machines are shared (load averages far above the core count are common).
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: WEB_TEST.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: chromium,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /world\.setup\.ts$/ },
    {
      name: 'phone',
      testMatch: /\.phone\.e2e\.ts$/,
      dependencies: ['setup'],
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        launchOptions: chromium,
      },
    },
    {
      name: 'desk',
      testMatch: /\.desk\.e2e\.ts$/,
      dependencies: ['setup'],
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 768 },
        launchOptions: chromium,
      },
    },
  ],
  webServer: {
    command: 'node web/e2e/start-server.mjs',
    cwd: '..',
    url: `${WEB_TEST.baseUrl}/health/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
