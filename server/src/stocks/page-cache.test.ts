import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/support/manual-clock';
import { type Harness, startHarness } from '../../test/support/stocks-harness';
import { itemsPageResponseSchema } from '../contract/stocks';
import { createPageCache, DEFAULT_PAGE_TTL_MS } from './page-cache';

const Q = 'stock_creator_mchid=1900000109';
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const itemCalls = (h: Harness, stockId: string) =>
  h.sandbox.stats.log().filter((e) => e.url.includes(`/stocks/${stockId}/items`)).length;

describe('cached page lookups', () => {
  it('answers a repeated lookup from memory: no upstream call, marked HIT, original ids', async () => {
    const clock = manualClock(Date.parse('2026-03-02T01:00:00Z'), { sleeps: 'wait' });
    const h = await startHarness({ clock });
    harness = h;
    const url = `/api/stocks/16000005/items?${Q}&offset=3&limit=20`;
    const first = await request(h.app).get(url);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(itemCalls(h, '16000005')).toBe(1);

    await clock.advance(DEFAULT_PAGE_TTL_MS - 1);
    const second = await request(h.app).get(url);
    expect(second.status).toBe(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(itemCalls(h, '16000005')).toBe(1);
    const [a, b] = [first.body, second.body].map((body) => itemsPageResponseSchema.parse(body));
    // Same page, and it says when and under which Request-ID it was really fetched.
    expect(b).toEqual(a);
    expect(b?.request_id).toEqual(expect.any(String));

    // Another page of the same stock is its own entry.
    const other = await request(h.app).get(`/api/stocks/16000005/items?${Q}&offset=4&limit=20`);
    expect(other.headers['x-cache']).toBe('MISS');
    expect(itemCalls(h, '16000005')).toBe(2);

    await clock.advance(1);
    const expired = await request(h.app).get(url);
    expect(expired.headers['x-cache']).toBe('MISS');
    expect(itemCalls(h, '16000005')).toBe(3);
    expect(expired.body.fetched_at).not.toBe(a?.fetched_at);
  });

  it('asks WeChat Pay again when the caller asks past caches (a refresh)', async () => {
    const h = await startHarness();
    harness = h;
    const url = `/api/stocks/16000003/items?${Q}&offset=0&limit=10`;
    await request(h.app).get(url).expect(200);
    for (const header of ['no-cache', 'max-age=0']) {
      const fresh = await request(h.app).get(url).set('Cache-Control', header).expect(200);
      expect(fresh.headers['x-cache']).toBe('MISS');
    }
    expect(itemCalls(h, '16000003')).toBe(3);
    // The refreshed answer is what later lookups are served.
    const after = await request(h.app).get(url).expect(200);
    expect(after.headers['x-cache']).toBe('HIT');
    expect(itemCalls(h, '16000003')).toBe(3);
  });

  it('never caches a failed lookup', async () => {
    const h = await startHarness();
    harness = h;
    const url = `/api/stocks/9900000022/items?${Q}`;
    const first = await request(h.app).get(url);
    expect(first.status).toBeGreaterThanOrEqual(400);
    const second = await request(h.app).get(url);
    expect(second.status).toBe(first.status);
    expect(second.headers['x-cache']).toBeUndefined();
    expect(itemCalls(h, '9900000022')).toBe(2);
  });

  it('keeps at most maxPages, dropping the oldest', () => {
    const cache = createPageCache(manualClock(0, { sleeps: 'wait' }), { maxPages: 2 });
    const page = (offset: number) => ({
      stock_id: '1',
      total_count: 9,
      offset,
      limit: 1,
      data: [],
      fetched_at: '2026-03-02T01:00:00.000Z',
      request_id: null,
      offset_mode: null,
    });
    for (const offset of [0, 1, 2]) cache.set(String(offset), page(offset));
    expect(cache.get('0')).toBeUndefined();
    expect(cache.get('1')?.offset).toBe(1);
    expect(cache.get('2')?.offset).toBe(2);
  });
});
