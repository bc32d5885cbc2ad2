import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, startIntegrationSandbox } from '../../test/support/wiring';
import type { ScanProgress } from '../contract/stocks';
import type { RunningSandbox } from '../sandbox/sandbox';
import { createScanService } from './scan-service';
import { createMemoryScanStore } from './scans/scan-store';

// The sandbox's "burst" scenario answers 429 to every other call: each page is refused once.
const BURST_STOCK = '9910000010';

describe('a scan held up by WeChat Pay rate limits', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startIntegrationSandbox();
  });
  afterAll(() => sandbox.close());

  it('shows what it is waiting out, then completes and clears it', async () => {
    const client = clientFor(sandbox, { maxRetries: 2, rateLimitBackoffMs: 300 });
    const scans = createScanService({
      client,
      merchantMchid: sandbox.credentials.mchid,
      store: createMemoryScanStore(),
    });
    const target = { stockId: BURST_STOCK, stockCreatorMchid: sandbox.credentials.mchid };
    const seen: ScanProgress[] = [];
    const scan = await scans.start(target);
    scan.subscribe((progress) => seen.push(progress));
    await expect.poll(() => scan.state, { timeout: 5_000 }).toBe('done');

    const waiting = seen.filter((p) => p.state === 'running' && p.error !== null);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]?.error).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      upstream: { code: 'FREQUENCY_LIMIT_EXCEED' },
      retryAfterSeconds: 1,
    });
    expect(scan.progress()).toMatchObject({ state: 'done', error: null, codes_loaded: 20 });
    expect(sandbox.stats.calls({ stockId: BURST_STOCK, status: 429 })).toBeGreaterThan(0);
    await scans.close();
  });
});
