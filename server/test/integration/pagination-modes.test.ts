import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/lib/clock';
import { type PaginationMode, type RunningSandbox, SANDBOX_MCHID } from '../../src/sandbox/sandbox';
import type { ItemsOffsetMode, WalkPage } from '../../src/wechatpay/pagination';
import { walkItems } from '../../src/wechatpay/pagination';
import { clientFor, codesOfStock, generousPacer, startIntegrationSandbox } from '../support/wiring';

const ITEMS = /\/items\?/;

const sandboxes = new Map<PaginationMode, RunningSandbox>();
const sandboxFor = (mode: PaginationMode): RunningSandbox => {
  const sandbox = sandboxes.get(mode);
  if (!sandbox) throw new Error(`sandbox ${mode} not started`);
  return sandbox;
};

beforeAll(async () => {
  for (const mode of ['page', 'item'] as const) {
    sandboxes.set(mode, await startIntegrationSandbox({ pagination: mode }));
  }
});
afterAll(async () => {
  await Promise.all([...sandboxes.values()].map((sandbox) => sandbox.close()));
});

/** Walks a stock with a fresh client, collecting every page and counting the calls it cost. */
async function walk(sandboxMode: PaginationMode, stockId: string, mode: ItemsOffsetMode) {
  const sandbox = sandboxFor(sandboxMode);
  const client = clientFor(sandbox, { pacer: generousPacer(systemClock) });
  const pages: WalkPage[] = [];
  const before = sandbox.stats.calls({ stockId });
  const notFoundBefore = sandbox.stats.calls({ stockId, status: 404 });
  const result = await walkItems(
    client,
    { stockId, stockCreatorMchid: SANDBOX_MCHID, mode },
    { onPage: (page) => void pages.push(page) },
  );
  const codes = pages.flatMap((page) => page.data);
  return {
    result,
    pages,
    codes,
    calls: sandbox.stats.calls({ stockId }) - before,
    notFound: sandbox.stats.calls({ stockId, status: 404 }) - notFoundBefore,
  };
}

// Readable codes: all of them up to 50,100 (page offsets) or 600 (item offsets).
const CASES = [
  { stockId: '16000004', size: 250, reachable: { page: 250, item: 250 } },
  { stockId: '16000005', size: 5_000, reachable: { page: 5_000, item: 600 } },
  { stockId: '16000006', size: 60_000, reachable: { page: 50_100, item: 600 } },
] as const;

describe.each(['page', 'item'] as const)('sandbox with %s offsets', (sandboxMode) => {
  describe.each([sandboxMode, 'auto'] as const)('walk mode %s', (walkMode) => {
    it.each(CASES)(
      'reads stock $stockId ($size codes) in order, without duplicates',
      async ({ stockId, size, reachable }) => {
        const expected = reachable[sandboxMode];
        const { result, codes, calls, notFound } = await walk(sandboxMode, stockId, walkMode);
        expect(result).toMatchObject({
          ok: true,
          mode: sandboxMode,
          totalCount: size,
          reachableCount: expected,
          truncated: expected < size,
          codesLoaded: expected,
        });
        expect(codes).toEqual(codesOfStock(stockId).slice(0, expected));
        expect(new Set(codes).size).toBe(codes.length);
        const planned = Math.ceil(expected / 100);
        // Auto detection reads offset 1 once; under page offsets that read is page 2 and is kept.
        const extra = walkMode === 'auto' && sandboxMode === 'item' ? 1 : 0;
        expect(calls).toBe(planned + extra);
        expect(notFound).toBe(0); // the plan comes from total_count: never past the end
      },
    );
  });

  it('auto detection picks the sandbox mode, remembers it and then costs nothing', async () => {
    const sandbox = sandboxFor(sandboxMode);
    const client = clientFor(sandbox);
    const walkOnce = async () => {
      const before = sandbox.stats.calls({ path: ITEMS });
      const result = await walkItems(client, {
        stockId: '16000004',
        stockCreatorMchid: SANDBOX_MCHID,
        mode: 'auto',
      });
      return { result, calls: sandbox.stats.calls({ path: ITEMS }) - before };
    };
    const first = await walkOnce();
    expect(client.offsetMode()).toBe(sandboxMode);
    // 250 codes are 3 pages of 100; detection costs one extra call only under item offsets.
    expect(first.calls).toBe(sandboxMode === 'item' ? 4 : 3);
    const second = await walkOnce();
    expect(second.result).toMatchObject({ ok: true, mode: sandboxMode, codesLoaded: 250 });
    expect(second.calls).toBe(3);
  });

  it.each(['page', 'item', 'auto'] as const)(
    'a whole-store voucher ends after one call (%s)',
    async (mode) => {
      const { result, calls, pages } = await walk(sandboxMode, '16000001', mode);
      expect(result).toMatchObject({ ok: true, totalCount: 0, truncated: false, codesLoaded: 0 });
      expect(calls).toBe(1);
      expect(pages).toHaveLength(1);
    },
  );

  it('an error on a later page ends the walk with the pages read so far', async () => {
    const sandbox = sandboxFor(sandboxMode);
    const offset = sandboxMode === 'page' ? 3 : 300;
    sandbox.faults.inject('bad_signature', {
      match: { stockId: '16000005', path: new RegExp(`[?&]offset=${offset}&`) },
    });
    const { result, codes, calls } = await walk(sandboxMode, '16000005', sandboxMode);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'bad_signature' },
      pagesDone: 3,
      codesLoaded: 300,
      totalCount: 5_000,
    });
    if (!result.ok) expect(result.error.requestId).toMatch(/\S/);
    expect(result.requestIds).toHaveLength(3);
    expect(codes).toEqual(codesOfStock('16000005').slice(0, 300));
    expect(calls).toBe(4); // nothing after the failed page
  });
});
