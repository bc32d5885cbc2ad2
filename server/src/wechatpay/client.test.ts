import { afterEach, describe, expect, it } from 'vitest';
import {
  checkAuthorization,
  clientOptions,
  itemsBody,
  MCHID,
  MERCHANT_SERIAL,
  PUB_KEY_ID,
  platformSigner,
} from '../../test/support/client-harness';
import { type FakeReply, rsaKeyPair, startFakeUpstream } from '../../test/support/fake-upstream';
import { createWechatPayClient } from './client';
import type { ItemsQuery } from './inputs';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function setup(replies: FakeReply | ((index: number) => FakeReply)) {
  const upstream = await startFakeUpstream({
    signer: platformSigner,
    handler: (_request, index) => (typeof replies === 'function' ? replies(index) : replies),
  });
  closers.push(upstream.close);
  return { upstream, client: createWechatPayClient(clientOptions(upstream.url)) };
}

const query: ItemsQuery = {
  stockId: '9865000',
  stockCreatorMchid: '9865000',
  offset: 0,
  limit: 10,
};
const stock = {
  stock_id: '9865000',
  stock_creator_mchid: '9865000',
  stock_name: '单品券',
  status: 'running',
  stock_type: 'NORMAL',
  singleitem: true,
  available_begin_time: '2024-01-01T00:00:00+08:00',
  available_end_time: '2030-01-01T00:00:00+08:00',
  stock_use_rule: { max_coupons_per_user: 3, fixed_normal_coupon: { coupon_amount: 100 } },
  card_id: 'extra field kept',
};

describe('listAvailableItems: the request', () => {
  it('sends a signed GET with the documented path, query order and headers', async () => {
    const { upstream, client } = await setup({ body: itemsBody(['1232001', '1232002']) });
    const result = await client.listAvailableItems(query);
    expect(result).toEqual({
      ok: true,
      data: itemsBody(['1232001', '1232002']),
      requestId: 'fake-1',
      attempts: 1,
    });
    const [request] = upstream.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(
      '/v3/marketing/favor/stocks/9865000/items?offset=0&limit=10&stock_creator_mchid=9865000',
    );
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['user-agent']).toMatch(/^coupon-coverage-console\//);
    expect(request?.headers['wechatpay-serial']).toBe(PUB_KEY_ID);
    const auth = checkAuthorization(request ?? { method: '', url: '', headers: {} });
    expect(auth.scheme).toBe('WECHATPAY2-SHA256-RSA2048');
    expect(auth.fields).toMatchObject({ mchid: MCHID, serial_no: MERCHANT_SERIAL });
    expect(auth.fields.nonce_str).toMatch(/^[0-9A-F]{32}$/);
    expect(Math.abs(Number(auth.fields.timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(auth.verified).toBe(true);
  });

  it('URL-encodes stock_id and signs exactly the encoded path it sends', async () => {
    const { upstream, client } = await setup({ body: itemsBody([]) });
    await client.listAvailableItems({ ...query, stockId: 'A B/中?#&', stockCreatorMchid: 'm&x=1' });
    const [request] = upstream.requests;
    expect(request?.url).toBe(
      '/v3/marketing/favor/stocks/A%20B%2F%E4%B8%AD%3F%23%26/items?offset=0&limit=10&stock_creator_mchid=m%26x%3D1',
    );
    expect(checkAuthorization(request ?? { method: '', url: '', headers: {} }).verified).toBe(true);
  });

  it.each([
    ['empty stock id', { stockId: '' }, 'stock_id', ''],
    ['stock id over 20 chars', { stockId: '1'.repeat(21) }, 'stock_id', '1'.repeat(21)],
    ['dot-segment stock id', { stockId: '..' }, 'stock_id', '..'],
    ['empty creator mchid', { stockCreatorMchid: '' }, 'stock_creator_mchid', ''],
    ['negative offset', { offset: -1 }, 'offset', -1],
    ['offset over 500', { offset: 501 }, 'offset', 501],
    ['fractional offset', { offset: 1.5 }, 'offset', 1.5],
    ['limit 0', { limit: 0 }, 'limit', 0],
    ['limit over 100', { limit: 101 }, 'limit', 101],
  ])('refuses %s before any network call', async (_name, change, field, value) => {
    const { upstream, client } = await setup({ body: itemsBody([]) });
    const result = await client.listAvailableItems({ ...query, ...change });
    expect(result).toMatchObject({
      ok: false,
      attempts: 0,
      error: { kind: 'invalid_input', field, value, retryable: false },
    });
    expect(result.ok ? '' : result.error.rule).toBeTruthy();
    expect(upstream.requests).toHaveLength(0);
  });

  it('accepts the boundary values (offset 500, limit 100, 20-char ids)', async () => {
    const echo = { stock_id: '1'.repeat(20), offset: 500, limit: 100 };
    const { upstream, client } = await setup({ body: itemsBody([], echo) });
    const result = await client.listAvailableItems({
      stockId: '1'.repeat(20),
      stockCreatorMchid: '2'.repeat(20),
      offset: 500,
      limit: 100,
    });
    expect(result.ok).toBe(true);
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('listAvailableItems: the response', () => {
  it.each<[string, FakeReply, string]>([
    ['a 2xx that is not JSON', { body: '<html>hi</html>' }, 'malformed_response'],
    ['a code repeated within a page', { body: itemsBody(['1', '2', '1']) }, 'malformed_response'],
    [
      'more codes than the limit',
      { body: itemsBody(['1', '2', '3'], { limit: 2 }) },
      'malformed_response',
    ],
    [
      'missing data while total_count > 0',
      { body: { ...itemsBody(null), total_count: 3 } },
      'malformed_response',
    ],
    ['a code over 128 characters', { body: itemsBody(['x'.repeat(129)]) }, 'malformed_response'],
    ['a negative total_count', { body: itemsBody([], { total_count: -1 }) }, 'malformed_response'],
    // Genuinely signed pages of another request, as a replay on the way would bring them.
    [
      'a page of another stock',
      { body: itemsBody(['1232001'], { stock_id: '9865001' }) },
      'malformed_response',
    ],
    [
      'a page from another offset',
      { body: itemsBody(['1232001'], { offset: 1 }) },
      'malformed_response',
    ],
    [
      'a page of another page size',
      { body: itemsBody(['1232001'], { limit: 20 }) },
      'malformed_response',
    ],
    ['an unsigned 2xx', { body: itemsBody([]), sign: false }, 'response_unsigned'],
    [
      'a timestamp 301 s old',
      { body: itemsBody([]), timestampOffsetSeconds: -301 },
      'stale_timestamp',
    ],
    [
      'a body changed after signing',
      {
        body: itemsBody(['1232001']),
        tamper: (b) => Buffer.from(b.toString().replace('1232001', '1232002')),
      },
      'bad_signature',
    ],
    [
      'a SIGNTEST probe',
      { body: itemsBody([]), signature: 'WECHATPAY/SIGNTEST/aGVsbG8=' },
      'bad_signature',
    ],
    [
      'a signature from another key',
      { body: itemsBody([]), signer: { serial: PUB_KEY_ID, privateKey: rsaKeyPair().privateKey } },
      'bad_signature',
    ],
    [
      'an unknown serial (public-key mode: no refresh)',
      { body: itemsBody([]), signer: { ...platformSigner, serial: 'PUB_KEY_ID_0100000000' } },
      'unknown_serial',
    ],
  ])('refuses %s without retrying', async (_name, reply, kind) => {
    const { upstream, client } = await setup(reply);
    const result = await client.listAvailableItems(query);
    expect(result).toMatchObject({
      ok: false,
      attempts: 1,
      error: { kind, retryable: false, requestId: 'fake-1', status: 200 },
    });
    expect(upstream.requests).toHaveLength(1);
  });

  it('names what does not belong to the request in a page of another one', async () => {
    const body = itemsBody(['1232001'], { stock_id: '9865001', offset: 3 });
    const { client } = await setup({ body });
    const result = await client.listAvailableItems(query);
    expect(result.ok ? '' : result.error.message).toBe(
      'HTTP 200 items answer is for another request: stock_id 9865001 (asked 9865000), offset 3 (asked 0)',
    );
  });

  it('turns null data with total_count 0 into an empty page and keeps unknown fields', async () => {
    const { client } = await setup({ body: { ...itemsBody(null), next: 'x' } });
    const result = await client.listAvailableItems(query);
    expect(result).toMatchObject({ ok: true, data: { total_count: 0, data: [], next: 'x' } });
  });

  it('does not verify error bodies and keeps their code, message and Request-ID', async () => {
    const body = {
      code: 'RESOURCE_NOT_EXISTS',
      message: '批次不存在',
      detail: { field: 'stock_id' },
    };
    const { client } = await setup({ status: 404, body, headers: { 'Request-ID': 'RID-404' } });
    const result = await client.listAvailableItems(query);
    expect(result).toEqual({
      ok: false,
      attempts: 1,
      error: {
        kind: 'upstream_rejected',
        message: 'HTTP 404 RESOURCE_NOT_EXISTS: 批次不存在',
        retryable: false,
        status: 404,
        requestId: 'RID-404',
        upstream: body,
      },
    });
  });
});

describe('getStock', () => {
  it('reads the stock details with the creator mchid as the only query parameter', async () => {
    const { upstream, client } = await setup({ body: stock });
    const result = await client.getStock({ stockId: '9865000', stockCreatorMchid: '9865000' });
    expect(result).toMatchObject({ ok: true, data: stock, attempts: 1 });
    expect(upstream.requests[0]?.url).toBe(
      '/v3/marketing/favor/stocks/9865000?stock_creator_mchid=9865000',
    );
  });

  it('is strict on the fields it uses', async () => {
    const { client } = await setup({ body: { ...stock, status: 'deleted' } });
    const result = await client.getStock({ stockId: '9865000', stockCreatorMchid: '9865000' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'malformed_response' } });
    expect(result.ok ? '' : result.error.message).toContain('status');
  });

  it('validates its input too', async () => {
    const { upstream, client } = await setup({ body: stock });
    const result = await client.getStock({ stockId: '', stockCreatorMchid: '9865000' });
    expect(result).toMatchObject({
      ok: false,
      attempts: 0,
      error: { kind: 'invalid_input', field: 'stock_id' },
    });
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('createWechatPayClient', () => {
  it('refuses a configuration that cannot verify anything', () => {
    const options = clientOptions('http://127.0.0.1:1');
    expect(() => createWechatPayClient({ ...options, publicKey: undefined })).toThrow(/publicKey/);
    expect(() => createWechatPayClient({ ...options, apiv3Key: 'short' })).toThrow(/32 bytes/);
  });
});
