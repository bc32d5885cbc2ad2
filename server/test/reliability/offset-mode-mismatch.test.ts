// Suite 3b (regression): a console configured for the wrong offset reading. Read as page numbers
// while WeChat Pay reads item indexes, every page overlaps the one before; that must never pass
// as a complete scan (coverage would call most codes not_covered).
import { afterEach, describe, expect, it } from 'vitest';
import { coverageResponseSchema } from '../../src/contract/stocks';
import type { PaginationMode } from '../../src/sandbox/sandbox';
import type { OffsetMode } from '../../src/wechatpay/client';
import { codesOfStock } from '../support/wiring';
import { coverage, startScan, waitForScan } from './api-calls';
import { type ConsoleUnderTest, startConsole } from './console-under-test';
import { expectNoLeaks } from './expect-no-leaks';

let c: ConsoleUnderTest | undefined;
afterEach(async () => {
  if (c) await expectNoLeaks(c);
  await c?.close();
  c = undefined;
});

async function scanWith(configured: OffsetMode, upstream: PaginationMode, stockId: string) {
  c = await startConsole({ offsetMode: configured, sandbox: { pagination: upstream } });
  const api = await c.apiAgent();
  await startScan(api, stockId);
  const scan = await waitForScan(api, stockId);
  const calls = c.sandbox.stats.calls({ stockId });
  return { api, scan, calls };
}

describe('a walk in the wrong offset mode', () => {
  it.each(['16000004', '16000005'])(
    'page reading against item offsets (stock %s): fails at the first repeated code',
    async (stockId) => {
      const truth = codesOfStock(stockId);
      const { api, scan, calls } = await scanWith('page', 'item', stockId);
      expect(scan).toMatchObject({ state: 'failed', codes_loaded: 100, truncated: false });
      expect(scan.error).toMatchObject({
        code: 'MALFORMED_RESPONSE',
        explanation: 'client.malformed_response',
        retryable: false,
      });
      expect(scan.error?.message).toMatch(/repeats .*WECHATPAY_ITEMS_OFFSET_MODE/);
      expect(scan.error?.requestId).toMatch(/\S/);
      expect(calls).toBe(2); // stopped at the first overlapping page
      const late = truth.at(-1) as string;
      const body = coverageResponseSchema.parse((await coverage(api, stockId, [late])).body);
      expect(body.results[0]?.status).not.toBe('not_covered');
      await waitForScan(api, stockId);
    },
  );

  it('item reading against page offsets on 5,000 codes: stops at the missing page', async () => {
    const { scan } = await scanWith('item', 'page', '16000005');
    expect(scan).toMatchObject({ state: 'failed', codes_loaded: 100 });
    expect(scan.error).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      status: 404,
      upstream: { code: 'RESOURCE_NOT_EXISTS' },
    });
  });

  it('item reading against page offsets on 60,000 codes: truncated, so never not_covered', async () => {
    const stockId = '16000006';
    const { api, scan } = await scanWith('item', 'page', stockId);
    expect(scan).toMatchObject({ state: 'done', truncated: true, reachable_count: 600 });
    const truth = codesOfStock(stockId);
    const asked = [truth[0] as string, truth[150] as string, 'NOT-A-CODE'];
    const body = coverageResponseSchema.parse((await coverage(api, stockId, asked)).body);
    expect(body.evidence.complete).toBe(false);
    expect(body.results.map((r) => r.status)).toEqual(['covered', 'unknown', 'unknown']);
  });

  it.each(['page', 'item'] as const)('auto against %s offsets completes exactly', async (mode) => {
    c = await startConsole({ offsetMode: 'auto', sandbox: { pagination: mode } });
    const api = await c.apiAgent();
    await startScan(api, '16000004');
    expect(await waitForScan(api, '16000004')).toMatchObject({
      state: 'done',
      codes_loaded: 250,
      offset_mode: mode,
    });
  });
});
