// Suite 3: seeded fault storms over full scans of the 5,000-code stock, through the console's API.
// Each scan completes exactly or stops honestly; retries stay bounded; nothing is left hanging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explanationsById } from '../../src/explanations/catalog';
import type { FaultKind, RequestLogEntry } from '../../src/sandbox/sandbox';
import { codesOfStock } from '../support/wiring';
import { CREATOR, startScan, waitForScan } from './api-calls';
import { type ApiAgent, type ConsoleUnderTest, startConsole } from './console-under-test';
import { expectNoLeaks } from './expect-no-leaks';
import { count, printFigures } from './figures';

const STOCK = '16000005';
const MAX_RETRIES = 2;
const TRANSIENT: FaultKind[] = [
  'reset',
  'timeout',
  'system_error',
  'bad_gateway',
  'service_unavailable',
  'rate_limit',
];
const MIXED: FaultKind[] = [...TRANSIENT, 'malformed_json'];
// Retried kinds end a walk only after 1 + MAX_RETRIES calls; malformed_json at once.
const FAILURE_CODES = ['UPSTREAM_UNAVAILABLE', 'UPSTREAM_RATE_LIMITED', 'MALFORMED_RESPONSE'];
const STORMS = [
  { seed: 1, probability: 0.05, kinds: MIXED },
  { seed: 2, probability: 0.1, kinds: MIXED },
  { seed: 3, probability: 0.2, kinds: MIXED },
  { seed: 4, probability: 0.3, kinds: MIXED },
  { seed: 5, probability: 0.5, kinds: MIXED },
  { seed: 6, probability: 0.15, kinds: MIXED },
  // Transient faults only: retries should carry most of these walks through.
  { seed: 7, probability: 0.3, kinds: TRANSIENT },
  { seed: 8, probability: 0.2, kinds: TRANSIENT },
];

const truth = codesOfStock(STOCK);
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
const outcomes: string[] = [];
let c: ConsoleUnderTest;
let api: ApiAgent;

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  // A short client timeout keeps 'timeout' faults cheap; the storm decides how many there are.
  c = await startConsole({
    offsetMode: 'page',
    client: { timeoutMs: 400, maxRetries: MAX_RETRIES, backoffBaseMs: 1 },
  });
  api = await c.apiAgent();
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await expectNoLeaks(c);
  await c.close();
  printFigures('fault storms');
});

const offsetOf = (entry: RequestLogEntry) =>
  Number(new URL(entry.url, 'http://sandbox').searchParams.get('offset'));

function callsPerOffset(): Map<number, number> {
  const counts = new Map<number, number>();
  for (const entry of c.sandbox.stats.log()) {
    if (entry.stockId !== STOCK) continue;
    counts.set(offsetOf(entry), (counts.get(offsetOf(entry)) ?? 0) + 1);
  }
  return counts;
}

async function codesHeld(): Promise<readonly string[]> {
  const scan = await c.scans.latest({ stockId: STOCK, stockCreatorMchid: CREATOR });
  return scan?.index.codes ?? [];
}

describe('a fault storm over a 5,000-code scan', () => {
  it.each(STORMS)('seed $seed, p=$probability: exact or honestly partial', async (storm) => {
    c.sandbox.stats.reset();
    c.sandbox.faults.storm(storm);
    await startScan(api, STOCK, true);
    const scan = await waitForScan(api, STOCK, 30_000);
    c.sandbox.faults.clear();
    outcomes.push(scan.state);

    const perOffset = callsPerOffset();
    for (const [offset, count] of perOffset) {
      expect(count, `calls at offset ${offset}`).toBeLessThanOrEqual(1 + MAX_RETRIES);
    }
    const calls = [...perOffset.values()].reduce((sum, n) => sum + n, 0);
    count('storms');
    count(`scans ${scan.state}`);
    count('upstream calls counted', calls);
    // Every call that did not yield a page met a fault.
    count('faults injected', calls - (scan.state === 'done' ? 50 : scan.pages_done));
    const held = await codesHeld();
    if (scan.state === 'done') {
      expect(scan).toMatchObject({ codes_loaded: 5_000, total_count: 5_000, truncated: false });
      expect(held).toEqual(truth);
      expect([...perOffset.keys()].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    } else {
      expect(scan.state).toBe('failed');
      expect(scan.codes_loaded).toBeLessThan(5_000);
      expect(scan.codes_loaded).toBe(scan.pages_done * 100);
      expect(held).toEqual(truth.slice(0, scan.codes_loaded));
      expect(FAILURE_CODES).toContain(scan.error?.code);
      expect(explanationsById.has(scan.error?.explanation ?? '')).toBe(true);
      // The walk stopped at the failing page: nothing was asked after it.
      expect(Math.max(...perOffset.keys())).toBe(scan.pages_done);
    }

    // No stuck lock: once the storm is over, the next scan request walks afresh and completes.
    c.sandbox.stats.reset();
    await startScan(api, STOCK, scan.state === 'done');
    const after = await waitForScan(api, STOCK);
    expect(after).toMatchObject({ state: 'done', codes_loaded: 5_000 });
    // Every page asked afresh (a loaded machine may time out and retry one now and then).
    const fresh = callsPerOffset();
    expect([...fresh.keys()].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    for (const n of fresh.values()) expect(n).toBeLessThanOrEqual(1 + MAX_RETRIES);
    expect(await codesHeld()).toEqual(truth);
  });

  it('saw both endings and no unhandled rejection', () => {
    expect(outcomes).toContain('done');
    expect(outcomes).toContain('failed');
    expect(rejections).toEqual([]);
  });
});
