import { defineConfig, devices } from '@playwright/test';
import { runDataDir } from './fixtures/data-dir';

// The real app: the built web bundle served by the real server on its embedded sandbox.
// A port of this run's own (workers inherit it), so a console already running elsewhere on the
// machine never answers in place of the one under test.
process.env.E2E_PORT ??= String(20_000 + (process.pid % 20_000));
const PORT = Number(process.env.E2E_PORT);
const BASE_URL = `http://127.0.0.1:${PORT}`;

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Every screen waits on the real server, which shares the machine with the browser: bounds
  // that hold when both run at a tenth of their usual speed, not Playwright's 5 s default.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: './test-results',
  globalTeardown: './fixtures/data-dir.ts',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'zh-CN',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /big-stock\.spec\.ts$/,
      // The 60,000-code walk goes on for minutes after its journey, spending WeChat Pay's rate
      // budget that every later lookup and scan shares: as this project's teardown it runs
      // last, whatever the others' outcome, so their timings never depend on it (it also runs
      // with any one journey run alone; `--no-deps` leaves it out).
      teardown: 'big-stock',
      use: chromium,
    },
    {
      name: 'big-stock',
      testMatch: /big-stock\.spec\.ts$/,
      use: chromium,
    },
  ],
  webServer: {
    // What `npm start` runs once installed: build the web app and the server, run the build.
    command: 'pnpm run serve',
    cwd: '..',
    url: `${BASE_URL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WECHATPAY_MCHID: '',
      // Accounts, sessions and the audit trail start empty on every run.
      DATA_DIR: runDataDir(),
      // The throttling journey signs in "from" another client (X-Forwarded-For), so locking its
      // address never locks 127.0.0.1 out of every later journey's sign-in.
      TRUST_PROXY: 'loopback',
    },
  },
});
