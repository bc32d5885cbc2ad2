import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The browser benchmarks (issue 7): the same built app and real server as the journeys, but
// ./bench only, so `npm test` never runs them. `pnpm --filter e2e bench` runs them.
const chromium = base.projects?.[0]?.use ?? {};

export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: /.*\.bench\.ts$/,
  timeout: 300_000,
  globalTeardown: './fixtures/data-dir.ts',
  projects: [{ name: 'chromium', use: chromium }],
});
