import { afterEach, describe, expect, it } from 'vitest';
import { clientOptions, platformSigner } from '../../test/support/client-harness';
import { type FakeReply, startFakeUpstream } from '../../test/support/fake-upstream';
import { createWechatPayClient, type WechatPayClient } from './client';
import { type ItemsOffsetMode, planOffsets, reachableCount } from './offset-mode';
import { type WalkPage, type WalkResume, walkItems } from './pagination';
import type { ItemsPage } from './schemas';

const codes = (n: number) =>
  Array.from({ length: n }, (_, i) => `SKU-${String(i).padStart(5, '0')}`);

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

/** A fake items endpoint over `list`, reading offset as a page or an item index. */
async function itemsServer(
  list: string[],
  semantics: 'page' | 'item',
  override?: (offset: number) => FakeReply | undefined,
) {
  const offsets: number[] = [];
  const upstream = await startFakeUpstream({
    signer: platformSigner,
    handler: (request) => {
      const url = new URL(request.url, 'http://x');
      const offset = Number(url.searchParams.get('offset'));
      const limit = Number(url.searchParams.get('limit'));
      offsets.push(offset);
      const replaced = override?.(offset);
      if (replaced) return replaced;
      const start = semantics === 'page' ? offset * limit : offset;
      if (start >= list.length && list.length > 0) {
        return { status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' } };
      }
      const data = list.slice(start, start + limit);
      return { body: { total_count: list.length, data, offset, limit, stock_id: '9865000' } };
    },
  });
  closers.push(upstream.close);
  return { client: createWechatPayClient(clientOptions(upstream.url)), offsets };
}

async function walk(
  client: WechatPayClient,
  mode: ItemsOffsetMode,
  limit: number,
  resume?: WalkResume,
) {
  const pages: WalkPage[] = [];
  const result = await walkItems(
    client,
    {
      stockId: '9865000',
      stockCreatorMchid: '9865000',
      limit,
      mode,
      ...(resume ? { resume } : {}),
    },
    { onPage: async (page) => void pages.push(page) },
  );
  return { result, pages, loaded: pages.flatMap((page) => page.data) };
}

describe('reachable codes and offset plans', () => {
  it('follows the documented caps: 501 × limit (page), 500 + limit (item)', () => {
    expect(reachableCount('page', 60_000, 100)).toBe(50_100);
    expect(reachableCount('item', 60_000, 100)).toBe(600);
    expect(reachableCount('item', 250, 100)).toBe(250);
    expect(planOffsets('page', 250, 100)).toEqual([0, 1, 2].map((offset) => ({ offset, skip: 0 })));
    expect(planOffsets('item', 530, 30).slice(-2)).toEqual([
      { offset: 480, skip: 0 },
      { offset: 500, skip: 10 },
    ]);
  });
});

describe('walkItems against a fake items endpoint', () => {
  it.each(['page', 'item'] as const)('reads every code with %s semantics', async (semantics) => {
    const list = codes(250);
    const { client, offsets } = await itemsServer(list, semantics);
    const { result, pages, loaded } = await walk(client, semantics, 100);
    expect(loaded).toEqual(list);
    expect(offsets).toEqual(semantics === 'page' ? [0, 1, 2] : [0, 100, 200]);
    expect(pages.map((page) => page.index)).toEqual([0, 1, 2]);
    expect(pages.every((page) => page.totalCount === 250 && page.requestId)).toBe(true);
    expect(result).toMatchObject({
      ok: true,
      totalCount: 250,
      reachableCount: 250,
      truncated: false,
      pages: 3,
    });
    expect(result.requestIds).toHaveLength(3);
  });

  it('auto-detects item semantics from offset 1, remembers it, and loads no duplicates', async () => {
    const list = codes(250);
    const { client, offsets } = await itemsServer(list, 'item');
    const first = await walk(client, 'auto', 100);
    expect(offsets).toEqual([0, 1, 100, 200]);
    expect(first.loaded).toEqual(list);
    expect(first.result).toMatchObject({ ok: true, mode: 'item', codesLoaded: 250 });
    expect(client.offsetMode()).toBe('item');
    offsets.length = 0;
    await walk(client, 'auto', 100);
    expect(offsets).toEqual([0, 100, 200]);
  });

  it('auto-detects page semantics and reuses the probe as the second page', async () => {
    const list = codes(250);
    const { client, offsets } = await itemsServer(list, 'page');
    const { result, loaded } = await walk(client, 'auto', 100);
    expect(offsets).toEqual([0, 1, 2]);
    expect(loaded).toEqual(list);
    expect(result).toMatchObject({ ok: true, mode: 'page' });
    expect(client.offsetMode()).toBe('page');
  });

  it('learns nothing when one page holds everything', async () => {
    const { client, offsets } = await itemsServer(codes(40), 'item');
    const { result } = await walk(client, 'auto', 100);
    expect(offsets).toEqual([0]);
    expect(result).toMatchObject({ ok: true, totalCount: 40, codesLoaded: 40 });
    expect(client.offsetMode()).toBeUndefined();
  });

  it('stops at the item-semantics cap and says the stock is truncated', async () => {
    const list = codes(1_000);
    const { client, offsets } = await itemsServer(list, 'item');
    const { result, loaded } = await walk(client, 'item', 100);
    expect(offsets).toEqual([0, 100, 200, 300, 400, 500]);
    expect(loaded).toEqual(list.slice(0, 600));
    expect(result).toMatchObject({
      ok: true,
      totalCount: 1_000,
      reachableCount: 600,
      truncated: true,
    });
  });

  it('clamps the last item offset to 500 and drops the overlap', async () => {
    const list = codes(700);
    const { client, offsets } = await itemsServer(list, 'item');
    const { result, loaded } = await walk(client, 'item', 30);
    expect(offsets.at(-1)).toBe(500);
    expect(loaded).toEqual(list.slice(0, 530));
    expect(result).toMatchObject({ ok: true, reachableCount: 530, truncated: true });
  });

  it('never stops on an empty page: total_count decides', async () => {
    const list = codes(300);
    const { client, offsets } = await itemsServer(list, 'page', (offset) =>
      offset === 1
        ? { body: { total_count: 300, data: [], offset: 1, limit: 100, stock_id: '9865000' } }
        : undefined,
    );
    const { result, loaded } = await walk(client, 'page', 100);
    expect(offsets).toEqual([0, 1, 2]);
    expect(loaded).toEqual([...list.slice(0, 100), ...list.slice(200)]);
    // …but 200 codes where total_count promised 300 is not a complete list.
    expect(result).toMatchObject({
      ok: false,
      pagesDone: 3,
      codesLoaded: 200,
      error: { kind: 'malformed_response', message: expect.stringMatching(/read 200 codes/) },
    });
  });

  it('fails when pages overlap (page reading, item offsets) instead of completing', async () => {
    const list = codes(250);
    const { client, offsets } = await itemsServer(list, 'item');
    const { result, loaded } = await walk(client, 'page', 100);
    expect(offsets).toEqual([0, 1]);
    expect(loaded).toEqual(list.slice(0, 100));
    expect(result).toMatchObject({
      ok: false,
      pagesDone: 1,
      error: { kind: 'malformed_response', retryable: false, requestId: expect.any(String) },
    });
    if (!result.ok) expect(result.error.message).toMatch(/offset 1 repeats 99 code/);
  });

  it('fails when a later page repeats a code of an earlier one', async () => {
    const list = codes(250);
    const { client } = await itemsServer(list, 'page', (offset) =>
      offset === 2
        ? { body: { total_count: 250, data: [list[0]], offset, limit: 100, stock_id: '9865000' } }
        : undefined,
    );
    const { result, loaded } = await walk(client, 'page', 100);
    expect(loaded).toEqual(list.slice(0, 200));
    expect(result).toMatchObject({
      ok: false,
      pagesDone: 2,
      error: { kind: 'malformed_response' },
    });
  });

  it('returns the honest partial result when a later page fails', async () => {
    const list = codes(300);
    const { client } = await itemsServer(list, 'page', (offset) =>
      offset === 2
        ? { status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' } }
        : undefined,
    );
    const { result, loaded } = await walk(client, 'page', 100);
    expect(loaded).toEqual(list.slice(0, 200));
    expect(result).toMatchObject({
      ok: false,
      pagesDone: 2,
      codesLoaded: 200,
      totalCount: 300,
      error: { kind: 'upstream_rejected', upstream: { code: 'RESOURCE_NOT_EXISTS' } },
    });
    expect(result.requestIds).toHaveLength(2);
  });

  it('reports a failing first page with nothing loaded', async () => {
    const { client } = await itemsServer(codes(10), 'page', () => ({
      status: 403,
      body: { code: 'NO_AUTH', message: '无权限' },
    }));
    const { result, pages } = await walk(client, 'auto', 100);
    expect(pages).toEqual([]);
    expect(result).toMatchObject({
      ok: false,
      pagesDone: 0,
      codesLoaded: 0,
      error: { kind: 'upstream_rejected' },
    });
  });
});

describe('walkItems resuming where another walk stopped', () => {
  it.each(['page', 'item'] as const)(
    'reads only the rest of the plan under %s semantics',
    async (semantics) => {
      const list = codes(190);
      const { client, offsets } = await itemsServer(list, semantics);
      const done = list.slice(0, 60);
      const resume = { mode: semantics, totalCount: 190, pages: 2, codes: done };
      const { result, pages, loaded } = await walk(client, 'auto', 30, resume);
      expect(offsets).toEqual(semantics === 'page' ? [2, 3, 4, 5, 6] : [60, 90, 120, 150, 180]);
      expect([...done, ...loaded]).toEqual(list);
      expect(pages.map((page) => page.index)).toEqual([2, 3, 4, 5, 6]);
      expect(result).toMatchObject({ ok: true, totalCount: 190, pages: 7, codesLoaded: 190 });
      expect(client.offsetMode()).toBe(semantics);
    },
  );

  it('skips the clamped overlap of the last item offset when resuming at it', async () => {
    const list = codes(700);
    const { client, offsets } = await itemsServer(list, 'item');
    const done = list.slice(0, 510);
    const resume = { mode: 'item' as const, totalCount: 700, pages: 17, codes: done };
    const { result, loaded } = await walk(client, 'item', 30, resume);
    expect(offsets).toEqual([500]);
    expect(loaded).toEqual(list.slice(510, 530));
    expect(result).toMatchObject({ ok: true, reachableCount: 530, truncated: true, pages: 18 });
  });

  it('detects the offset mode from the stored first page when it was not known yet', async () => {
    const list = codes(250);
    const { client, offsets } = await itemsServer(list, 'item');
    const resume = { totalCount: 250, pages: 1, codes: list.slice(0, 100) };
    const { result, loaded } = await walk(client, 'auto', 100, resume);
    expect(offsets).toEqual([1, 100, 200]);
    expect(loaded).toEqual(list.slice(100));
    expect(result).toMatchObject({ ok: true, mode: 'item', pages: 3 });
  });

  it('checks new pages against the codes of the pages before it', async () => {
    const list = codes(250);
    const { client, offsets } = await itemsServer(list, 'item');
    const resume = { mode: 'page' as const, totalCount: 250, pages: 1, codes: list.slice(0, 100) };
    const { result, pages } = await walk(client, 'page', 100, resume);
    expect(offsets).toEqual([1]);
    expect(pages).toEqual([]);
    expect(result).toMatchObject({
      ok: false,
      pagesDone: 1,
      error: { kind: 'malformed_response' },
    });
  });

  it('finishes without a call when every page was already read', async () => {
    const list = codes(250);
    const { client, offsets } = await itemsServer(list, 'page');
    const resume = { mode: 'page' as const, totalCount: 250, pages: 3, codes: list };
    const { result } = await walk(client, 'page', 100, resume);
    expect(offsets).toEqual([]);
    expect(result).toMatchObject({ ok: true, pages: 3, reachableCount: 250 });
  });
});

describe('walkItems page-semantics cap (in-memory client)', () => {
  it('reads 501 pages and no more', async () => {
    const list = codes(1_100);
    const offsets: number[] = [];
    const client: WechatPayClient = {
      listAvailableItems: async ({ offset, limit }) => {
        offsets.push(offset);
        const data = list.slice(offset * limit, offset * limit + limit);
        const page: ItemsPage = { total_count: list.length, data, offset, limit, stock_id: '1' };
        return { ok: true, data: page, attempts: 1 };
      },
      getStock: async () => {
        throw new Error('not used');
      },
      offsetMode: () => 'page',
      rememberOffsetMode: () => {},
      platformSerials: () => [],
    };
    const { result, loaded } = await walk(client, 'page', 2);
    expect(offsets).toHaveLength(501);
    expect(offsets.at(-1)).toBe(500);
    expect(loaded).toEqual(list.slice(0, 1_002));
    expect(result).toMatchObject({
      ok: true,
      totalCount: 1_100,
      reachableCount: 1_002,
      truncated: true,
      pages: 501,
    });
  });
});
