// Suite 2a: answers the sandbox forges on purpose (its fault kinds), seen through the console's
// own HTTP API. None may be shown, cached or counted as data, and each names its explanation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorCode } from '../../src/contract/error';
import { coverageResponseSchema } from '../../src/contract/stocks';
import type { FaultKind } from '../../src/sandbox/sandbox';
import { scenarioIdOf } from '../integration/fault-outcomes';
import { codesOfStock } from '../support/wiring';
import {
  coverage,
  expectApiError,
  itemsPage,
  searchCodes,
  startScan,
  stockDetails,
  waitForScan,
} from './api-calls';
import type { ApiAgent, ConsoleUnderTest } from './console-under-test';
import { startConsole } from './console-under-test';
import { expectNoLeaks } from './expect-no-leaks';
import { count, printFigures } from './figures';

interface Forgery {
  fault: FaultKind;
  code: ApiErrorCode;
  explanation: string;
}

const FORGERIES: Forgery[] = [
  { fault: 'bad_signature', code: 'BAD_SIGNATURE', explanation: 'client.bad_signature' },
  { fault: 'signtest', code: 'BAD_SIGNATURE', explanation: 'client.bad_signature' },
  { fault: 'foreign_key', code: 'BAD_SIGNATURE', explanation: 'client.bad_signature' },
  { fault: 'unknown_serial', code: 'UNKNOWN_SERIAL', explanation: 'client.unknown_serial' },
  { fault: 'stale_timestamp', code: 'STALE_TIMESTAMP', explanation: 'client.stale_timestamp' },
  { fault: 'missing_headers', code: 'RESPONSE_UNSIGNED', explanation: 'client.response_unsigned' },
  { fault: 'malformed_json', code: 'MALFORMED_RESPONSE', explanation: 'client.malformed_response' },
  { fault: 'wrong_shape', code: 'MALFORMED_RESPONSE', explanation: 'client.malformed_response' },
  { fault: 'total_mismatch', code: 'MALFORMED_RESPONSE', explanation: 'client.malformed_response' },
  {
    fault: 'duplicate_codes',
    code: 'MALFORMED_RESPONSE',
    explanation: 'client.malformed_response',
  },
  // Genuine, validly signed pages of another request: refused at the page, not pages later.
  {
    fault: 'replayed_offset',
    code: 'MALFORMED_RESPONSE',
    explanation: 'client.malformed_response',
  },
  { fault: 'replayed_stock', code: 'MALFORMED_RESPONSE', explanation: 'client.malformed_response' },
];
// Faults that only bend or replay an items page; stock details cannot carry them.
const PAGE_ONLY = new Set<FaultKind>([
  'total_mismatch',
  'duplicate_codes',
  'replayed_offset',
  'replayed_stock',
]);
// A fault-scenario stock has one page of 100: there is no other offset to replay in its scan.
const EVERY_ANSWER = FORGERIES.filter((f) => f.fault !== 'replayed_offset');

const itemsPath = (stockId: string) => `/v3/marketing/favor/stocks/${stockId}/items`;

let c: ConsoleUnderTest;
let api: ApiAgent;
const calls = (stockId: string, path = itemsPath(stockId)) =>
  c.sandbox.stats.calls({ stockId, path });

beforeAll(async () => {
  c = await startConsole({ offsetMode: 'page' });
  api = await c.apiAgent();
});
afterAll(async () => {
  await expectNoLeaks(c);
  await c.close();
  printFigures('forged answers (sandbox faults)');
});

// Page lookups may be answered from a short page cache: each case asks for a page size of its
// own, so nothing honest is cached for it yet and the forged answer is what comes back.
let nextLimit = 1;

describe('a forged page lookup', () => {
  it.each(FORGERIES)('$fault → $code, not shown, and the next lookup asks again', async (f) => {
    const stockId = '16000003';
    const limit = nextLimit++;
    c.sandbox.faults.inject(f.fault, { match: { stockId, path: itemsPath(stockId) } });
    const before = calls(stockId);
    const forged = await itemsPage(api, stockId, 0, limit);
    expect(forged.status).toBe(502);
    const error = expectApiError(forged, { code: f.code, explanation: f.explanation });
    expect(error.retryable).toBe(false);
    expect(error.requestId).toMatch(/\S/);
    expect(forged.body).not.toHaveProperty('data');
    expect(calls(stockId) - before).toBe(1); // refused at once, never retried
    count('forged answers');

    const honest = await itemsPage(api, stockId, 0, limit);
    expect(honest.status).toBe(200);
    expect(honest.body.data).toEqual(codesOfStock(stockId).slice(0, limit));
    expect(calls(stockId) - before).toBe(2); // the forgery was not cached: a fresh upstream call
  });
});

describe('forged stock details', () => {
  it.each(FORGERIES.filter((f) => !PAGE_ONLY.has(f.fault)))(
    '$fault → $code, and the next lookup asks again',
    async (f) => {
      const stockId = '16000003';
      const path = `/v3/marketing/favor/stocks/${stockId}`;
      c.sandbox.faults.inject(f.fault, { match: { stockId, path } });
      const before = calls(stockId, path);
      count('forged answers');
      expectApiError(await stockDetails(api, stockId), {
        code: f.code,
        status: 502,
        explanation: f.explanation,
      });
      const honest = await stockDetails(api, stockId);
      expect(honest.status).toBe(200);
      expect(honest.body).toMatchObject({ stock_id: stockId, kind: 'single_item' });
      expect(calls(stockId, path) - before).toBe(2);
    },
  );
});

describe('a forged page in the middle of a scan', () => {
  it.each(FORGERIES)('$fault → failed with the verified page only', async (f) => {
    const stockId = '16000004';
    const truth = codesOfStock(stockId);
    c.sandbox.faults.inject(f.fault, { match: { stockId, path: /[?&]offset=1&/ } });
    await startScan(api, stockId, true);
    const failed = await waitForScan(api, stockId);
    count('forged answers');
    expect(failed).toMatchObject({ state: 'failed', codes_loaded: 100, total_count: 250 });
    expect(failed.error).toMatchObject({ code: f.code, explanation: f.explanation });
    const search = await searchCodes(api, stockId, '');
    expect(search.body).toMatchObject({ complete: false, scan_state: 'failed', match_count: 100 });
    expect(search.body.items.map((item: { code: string }) => item.code)).toEqual(
      truth.slice(0, 100),
    );

    // Coverage never decides from the failed scan: it asks WeChat Pay again.
    const before = calls(stockId);
    const asked = [truth[0] as string, truth[150] as string, 'FORGED-NOT-A-CODE'];
    const during = coverageResponseSchema.parse((await coverage(api, stockId, asked)).body);
    for (const result of during.results) {
      if (!during.evidence.complete) expect(result.status).not.toBe('not_covered');
    }
    expect(during.results[2]?.status).not.toBe('covered');
    const done = await waitForScan(api, stockId);
    expect(done).toMatchObject({ state: 'done', codes_loaded: 250, error: null });
    expect(calls(stockId) - before).toBe(3);
    const after = coverageResponseSchema.parse((await coverage(api, stockId, asked)).body);
    expect(after.results.map((r) => r.status)).toEqual(['covered', 'covered', 'not_covered']);
    expect(after.evidence.complete).toBe(true);
  });
});

describe('coverage of a stock whose every answer is forged', () => {
  it.each(EVERY_ANSWER)('$fault → only unknown, and every check asks again', async (f) => {
    const stockId = scenarioIdOf(f.fault);
    const truth = codesOfStock(stockId);
    const asked = [truth[0] as string, 'FORGED-NOT-A-CODE'];
    for (let round = 1; round <= 2; round += 1) {
      const before = calls(stockId);
      const answer = coverageResponseSchema.parse((await coverage(api, stockId, asked)).body);
      expect(answer.results.map((r) => r.status)).toEqual(['unknown', 'unknown']);
      const scan = await waitForScan(api, stockId);
      expect(scan).toMatchObject({ state: 'failed', codes_loaded: 0 });
      expect(scan.error).toMatchObject({ code: f.code, explanation: f.explanation });
      expect(calls(stockId) - before, `round ${round}`).toBe(1);
      count('forged answers');
    }
  });
});

describe('after every forgery', () => {
  it('the console is up and no fault is left pending', async () => {
    expect((await api.get('/api/health')).status).toBe(200);
    const before = calls('16000003');
    expect((await itemsPage(api, '16000003', 0, nextLimit)).status).toBe(200);
    expect(calls('16000003') - before).toBe(1);
  });
});
