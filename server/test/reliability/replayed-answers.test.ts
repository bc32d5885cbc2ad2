// Suite 2c: a proxy between the console's client and the sandbox replays answers WeChat Pay
// really signed, each for another request (another offset, another stock). The signature holds,
// the timestamp is fresh: only the answer's own stock_id, offset and limit give the replay away,
// and the console refuses it at that page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOfStock } from '../support/wiring';
import { expectApiError, itemsPage, searchCodes, startScan, waitForScan } from './api-calls';
import { type ApiAgent, type ConsoleUnderTest, startConsole } from './console-under-test';
import { expectNoLeaks } from './expect-no-leaks';
import { count, printFigures } from './figures';
import type { Answer, Tamper, TamperingProxy } from './tampering-proxy';

let c: ConsoleUnderTest;
let api: ApiAgent;
let proxy: TamperingProxy;
const itemsCalls = (stockId: string) =>
  c.sandbox.stats.calls({ stockId, path: `/v3/marketing/favor/stocks/${stockId}/items` });

beforeAll(async () => {
  c = await startConsole({ tamper: true, offsetMode: 'page' });
  api = await c.apiAgent();
  proxy = c.proxy ?? expect.fail('no proxy');
});
afterAll(async () => {
  await expectNoLeaks(c);
  await c.close();
  printFigures('replayed answers (proxy)');
});

const itemsTarget = (stockId: string, offset: number, limit: number) =>
  `/stocks/${stockId}/items?offset=${offset}&limit=${limit}&`;

/** The genuine answer the proxy passed for this items request (asked for through the console). */
async function recorded(stockId: string, offset: number, limit: number): Promise<Answer> {
  expect((await itemsPage(api, stockId, offset, limit)).status).toBe(200);
  const target = itemsTarget(stockId, offset, limit);
  const answer = proxy.answers.findLast((a) => a.status === 200 && a.url.includes(target));
  return answer ?? expect.fail(`no answer recorded for ${target}`);
}

/** Sends `replay`, headers and body as WeChat Pay signed them, for one items request. */
const replayAt =
  (stockId: string, offset: number, limit: number, replay: Answer): Tamper =>
  (answer) =>
    answer.url.includes(itemsTarget(stockId, offset, limit))
      ? { ...replay, url: answer.url }
      : undefined;

describe('a page lookup answered with a genuine page of another request', () => {
  it.each([
    // Each its own page size: the page cache must not answer for the upstream.
    { what: 'another offset of the same stock', from: ['16000003', 0] as const, limit: 11 },
    { what: 'the same offset of another stock', from: ['16000005', 1] as const, limit: 12 },
  ])('$what: refused as malformed, never shown, then asked afresh', async ({ from, limit }) => {
    const [stockId, offset] = ['16000003', 1];
    const replay = await recorded(from[0], from[1], limit);
    const before = itemsCalls(stockId);
    proxy.tamper(replayAt(stockId, offset, limit, replay));
    const res = await itemsPage(api, stockId, offset, limit);
    proxy.tamper();
    count('replayed answers');
    expect(res.status).toBe(502);
    const error = expectApiError(res, {
      code: 'MALFORMED_RESPONSE',
      explanation: 'client.malformed_response',
    });
    expect(error.retryable).toBe(false);
    expect(res.body).not.toHaveProperty('data');
    expect(itemsCalls(stockId) - before).toBe(1);

    const honest = await itemsPage(api, stockId, offset, limit);
    expect(honest.status).toBe(200);
    expect(honest.body.data).toEqual(codesOfStock(stockId).slice(limit, 2 * limit));
  });
});

describe('a scan whose second page is a genuine page of another stock', () => {
  it('fails at that page, with the verified first page only', async () => {
    const stockId = '16000004';
    const foreign = await recorded('16000005', 1, 100);
    proxy.tamper(replayAt(stockId, 1, 100, foreign));
    await startScan(api, stockId, true);
    const scan = await waitForScan(api, stockId);
    proxy.tamper();
    count('replayed answers');
    expect(scan).toMatchObject({ state: 'failed', codes_loaded: 100, total_count: 250 });
    expect(scan.error).toMatchObject({
      code: 'MALFORMED_RESPONSE',
      explanation: 'client.malformed_response',
    });
    const foreignCode = codesOfStock('16000005')[100] as string;
    const search = await searchCodes(api, stockId, foreignCode);
    expect(search.body).toMatchObject({ match_count: 0, scan_state: 'failed' });
  });
});
