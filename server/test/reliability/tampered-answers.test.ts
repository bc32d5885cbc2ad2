// Suite 2b: a tampering proxy between the console's client and the sandbox rewrites genuinely
// signed answers. Through the console's HTTP API none is shown, cached or scanned as data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageResponseSchema } from '../../src/contract/stocks';
import { type Clock, systemClock } from '../../src/lib/clock';
import { codesOfStock } from '../support/wiring';
import {
  coverage,
  expectApiError,
  itemsPage,
  searchCodes,
  startScan,
  waitForScan,
} from './api-calls';
import { type ApiAgent, type ConsoleUnderTest, startConsole } from './console-under-test';
import { expectNoLeaks } from './expect-no-leaks';
import { count, printFigures } from './figures';
import type { Answer, TamperingProxy } from './tampering-proxy';
import { FORGED_CODE, type Tampering, tamperItems, tamperings } from './tamperings';

const MAX_RETRIES = 2;
// The client's clock: a test may set it once an answer is in, to shift WeChat Pay's timestamp.
let frozenAt: number | undefined;
const clientClock: Clock = { now: () => frozenAt ?? Date.now(), sleep: systemClock.sleep };

let c: ConsoleUnderTest;
let api: ApiAgent;
let proxy: TamperingProxy;
let cases: Tampering[] = [];
const itemsCalls = (stockId: string) =>
  c.sandbox.stats.calls({ stockId, path: `/v3/marketing/favor/stocks/${stockId}/items` });

beforeAll(async () => {
  c = await startConsole({
    tamper: true,
    offsetMode: 'page',
    client: { clock: clientClock, maxRetries: MAX_RETRIES },
  });
  api = await c.apiAgent();
  proxy = c.proxy ?? expect.fail('no proxy');
  cases = tamperings(c.sandbox.credentials.platformSerialNo);
});
afterAll(async () => {
  await expectNoLeaks(c);
  await c.close();
  printFigures('tampered answers (proxy)');
});

// Built at collection time from the same list (the serial only matters when a case runs).
const NAMES = tamperings('').map((t) => t.name);
const byName = (name: string) => cases.find((t) => t.name === name) ?? expect.fail(name);

// Page lookups may be answered from a short page cache: every lookup here asks for a page size
// of its own (1..57), so what comes back is what the proxy let through, not a cached page.
let nextLimit = 1;

describe('a tampered page lookup', () => {
  it.each(NAMES)('%s: refused with its explanation, then asked afresh', async (name) => {
    const tampering = byName(name);
    const stockId = '16000003';
    const [limit, other] = [nextLimit++, nextLimit++];
    // An honest answer first, for the tamperings that swap in another answer's headers.
    expect((await itemsPage(api, stockId, 0, other)).status).toBe(200);
    const before = itemsCalls(stockId);
    proxy.tamper(tamperItems(tampering, stockId, 0, proxy.answers));
    const res = await itemsPage(api, stockId, 0, limit);
    proxy.tamper();
    const error = expectApiError(res, { code: tampering.code, explanation: tampering.explanation });
    expect(res.status).toBe(502);
    expect(res.text).not.toContain(FORGED_CODE);
    expect(itemsCalls(stockId) - before).toBe(tampering.retried ? 1 + MAX_RETRIES : 1);
    count('tampered answers', tampering.retried ? 1 + MAX_RETRIES : 1);
    expect(error.retryable).toBe(Boolean(tampering.retried));

    const honest = await itemsPage(api, stockId, 0, limit);
    expect(honest.status).toBe(200);
    expect(honest.body.data).toEqual(codesOfStock(stockId).slice(0, limit));
    expect(itemsCalls(stockId) - before).toBe((tampering.retried ? 1 + MAX_RETRIES : 1) + 1);
  });
});

describe('a tampered page in the middle of a scan', () => {
  it.each(NAMES)('%s: the scan fails with the verified page only', async (name) => {
    const tampering = byName(name);
    const stockId = '16000004';
    const truth = codesOfStock(stockId);
    proxy.tamper(tamperItems(tampering, stockId, 1, proxy.answers));
    await startScan(api, stockId, true);
    const scan = await waitForScan(api, stockId);
    proxy.tamper();
    count('tampered answers', tampering.retried ? 1 + MAX_RETRIES : 1);
    expect(scan).toMatchObject({ state: 'failed', codes_loaded: 100, total_count: 250 });
    expect(scan.error).toMatchObject({ code: tampering.code, explanation: tampering.explanation });
    const forged = await searchCodes(api, stockId, FORGED_CODE);
    expect(forged.body).toMatchObject({ match_count: 0, complete: false, scan_state: 'failed' });
    const checked = coverageResponseSchema.parse(
      (await coverage(api, stockId, [FORGED_CODE, truth[150] as string])).body,
    );
    expect(checked.results.map((r) => r.status)).not.toContain('not_covered');
    expect(checked.results[0]?.status).toBe('unknown');
    await waitForScan(api, stockId);
  });
});

describe("WeChat Pay's timestamp against our clock", () => {
  // Freezes the client's clock `shiftSeconds` after (or before) the answer's own timestamp.
  const shiftClockBy = (shiftSeconds: number, extraMs: number) => (answer: Answer) => {
    if (!answer.url.includes('/items?')) return undefined;
    const signedAt = Number(answer.headers['wechatpay-timestamp']) * 1000;
    frozenAt = signedAt + shiftSeconds * 1000 + extraMs;
    return undefined;
  };

  it.each([
    { shift: 301, extraMs: 0, accepted: false },
    { shift: -301, extraMs: 0, accepted: false },
    { shift: 300, extraMs: 999, accepted: true },
    { shift: -300, extraMs: 0, accepted: true },
  ])('$shift s away: accepted is $accepted', async ({ shift, extraMs, accepted }) => {
    const limit = nextLimit++;
    proxy.tamper(shiftClockBy(shift, extraMs));
    const res = await itemsPage(api, '16000003', 0, limit);
    proxy.tamper();
    frozenAt = undefined;
    count(accepted ? 'answers ±300 s accepted' : 'tampered answers');
    if (accepted) {
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual(codesOfStock('16000003').slice(0, limit));
    } else {
      expectApiError(res, { code: 'STALE_TIMESTAMP', explanation: 'client.stale_timestamp' });
    }
  });

  it('a scan whose page is 301 s away fails honestly', async () => {
    proxy.tamper((answer) =>
      answer.url.includes('/16000004/items?offset=1&') ? shiftClockBy(-301, 0)(answer) : undefined,
    );
    await startScan(api, '16000004', true);
    const scan = await waitForScan(api, '16000004');
    proxy.tamper();
    frozenAt = undefined;
    expect(scan).toMatchObject({ state: 'failed', codes_loaded: 100 });
    expect(scan.error).toMatchObject({ code: 'STALE_TIMESTAMP' });
  });
});
