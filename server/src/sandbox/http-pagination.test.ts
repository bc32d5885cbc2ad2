import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call, itemsUrl, json, startTestSandbox, stockUrl } from '../../test/support/sandbox-http';
import { demoStockRecords } from './demo-stocks';
import type { RunningSandbox } from './server';
import { codesOf } from './stock-catalog';

const pageSchema = z.object({
  data: z.array(z.string()),
  limit: z.number(),
  offset: z.number(),
  stock_id: z.string(),
  total_count: z.number(),
});

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
beforeEach(() => sandbox.setPagination('page'));
afterAll(() => sandbox.close());

const codes = (id: string) => {
  const stock = demoStockRecords.find((s) => s.id === id);
  if (!stock) throw new Error(id);
  return codesOf(stock);
};
async function page(stockId: string, query: Record<string, string | number>) {
  const result = await call(sandbox, itemsUrl(stockId, query));
  expect(result.status, result.body).toBe(200);
  return pageSchema.parse(json(result));
}
async function error(url: string) {
  const result = await call(sandbox, url);
  return { status: result.status, ...(json(result) as { code: string; message: string }) };
}

describe('page pagination (default): offset is a 0-based page number', () => {
  it('reads the 250-code stock in three pages, in order, then refuses a fourth', async () => {
    const pages = [];
    for (let offset = 0; offset < 3; offset += 1)
      pages.push(await page('16000004', { offset, limit: 100 }));
    expect(pages.map((p) => p.data.length)).toEqual([100, 100, 50]);
    expect(pages.every((p) => p.total_count === 250 && p.stock_id === '16000004')).toBe(true);
    expect(pages.flatMap((p) => p.data)).toEqual(codes('16000004'));
    expect(Object.keys(pages[0] ?? {})).toEqual([
      'data',
      'limit',
      'offset',
      'stock_id',
      'total_count',
    ]);
    expect(await error(itemsUrl('16000004', { offset: 3, limit: 100 }))).toMatchObject({
      status: 404,
      code: 'RESOURCE_NOT_EXISTS',
    });
  });

  it('reaches 50,100 codes of the 60,000-code stock and reports the true total', async () => {
    const last = await page('16000006', { offset: 500, limit: 100 });
    expect(last.total_count).toBe(60000);
    expect(last.data).toEqual(codes('16000006').slice(50000, 50100));
  });

  it('defaults to offset 0 and limit 10', async () => {
    const result = await call(
      sandbox,
      '/v3/marketing/favor/stocks/16000003/items?stock_creator_mchid=1900000109',
    );
    const body = pageSchema.parse(json(result));
    expect(body).toMatchObject({ offset: 0, limit: 10, total_count: 57 });
    expect(body.data).toEqual(codes('16000003').slice(0, 10));
  });
});

describe('item pagination: offset is an item index', () => {
  it('switches at run time and reads from the item offset', async () => {
    sandbox.setPagination('item');
    const body = await page('16000004', { offset: 200, limit: 100 });
    expect(body.data).toEqual(codes('16000004').slice(200, 250));
    expect(await error(itemsUrl('16000004', { offset: 250, limit: 100 }))).toMatchObject({
      status: 404,
    });
  });

  it('reaches only 600 codes of the 60,000-code stock', async () => {
    sandbox.setPagination('item');
    const body = await page('16000006', { offset: 500, limit: 100 });
    expect(body.data).toEqual(codes('16000006').slice(500, 600));
  });
});

describe('edges of the data set', () => {
  it('answers total_count 0 and data [] for a whole-store voucher, then 404 past it', async () => {
    expect(await page('16000001', { offset: 0, limit: 100 })).toEqual({
      data: [],
      limit: 100,
      offset: 0,
      stock_id: '16000001',
      total_count: 0,
    });
    expect(await error(itemsUrl('16000001', { offset: 1 }))).toMatchObject({
      status: 404,
      message: '查询的数据不存在',
    });
  });

  it('serves the single code of the 1-code stock', async () => {
    expect((await page('16000002', { offset: 0, limit: 1 })).data).toEqual(codes('16000002'));
  });

  it('answers the stock details with the documented fields', async () => {
    const result = await call(sandbox, stockUrl('16000004'));
    expect(result.status).toBe(200);
    expect(json(result)).toMatchObject({
      stock_id: '16000004',
      stock_name: '日化用品满50减8',
      status: 'paused',
      stock_type: 'NORMAL',
      singleitem: true,
      available_begin_time: '2025-11-01T00:00:00+08:00',
      stock_use_rule: { fixed_normal_coupon: { coupon_amount: 800, transaction_minimum: 5000 } },
    });
    expect(json(await call(sandbox, stockUrl('16000007')))).toMatchObject({
      stock_type: 'DISCOUNT_CUT',
      singleitem: false,
    });
  });
});

describe('parameter checks', () => {
  const base = '/v3/marketing/favor/stocks/16000003/items';
  it.each([
    ['no stock_creator_mchid', `${base}?offset=0&limit=10`, 400, 'PARAM_ERROR', '商户号必填'],
    [
      'an empty stock_creator_mchid',
      `${base}?offset=0&limit=10&stock_creator_mchid=`,
      400,
      'PARAM_ERROR',
      '商户号必填',
    ],
    ['limit 101', itemsUrl('16000003', { limit: 101 }), 400, 'PARAM_ERROR', '页大小超过阈值'],
    ['limit 0', itemsUrl('16000003', { limit: 0 }), 400, 'PARAM_ERROR', '页大小超过阈值'],
    ['offset 501', itemsUrl('16000003', { offset: 501 }), 400, 'PARAM_ERROR', '页码超过阈值'],
    [
      'a non-numeric offset',
      itemsUrl('16000003', { offset: 'x' }),
      400,
      'PARAM_ERROR',
      '参数格式错误',
    ],
    ['a negative limit', itemsUrl('16000003', { limit: -1 }), 400, 'PARAM_ERROR', '参数格式错误'],
    [
      'an empty stock id',
      '/v3/marketing/favor/stocks//items?stock_creator_mchid=1900000109',
      400,
      'PARAM_ERROR',
      '批次号必填',
    ],
    ['an unknown stock', itemsUrl('12345678'), 404, 'RESOURCE_NOT_EXISTS', '批次不存在'],
    [
      'another creator',
      itemsUrl('16000003', { stock_creator_mchid: '1900000110' }),
      403,
      'REQUEST_BLOCKED',
      '商户无权发券',
    ],
    ['a DISCOUNT_CUT stock', itemsUrl('16000007'), 400, 'PARAM_ERROR', '非法的批次状态'],
    [
      'offset 500 past the end',
      itemsUrl('16000003', { offset: 500 }),
      404,
      'RESOURCE_NOT_EXISTS',
      '查询的数据不存在',
    ],
  ])('answers %s', async (_name, url, status, code, message) => {
    expect(await error(url)).toMatchObject({ status, code, message });
  });

  it('names the failing field in detail', async () => {
    const result = await call(sandbox, itemsUrl('16000003', { limit: 101 }));
    expect(json(result)).toMatchObject({
      detail: { field: 'limit', value: '101', location: 'query' },
    });
  });

  it('checks the stock details endpoint the same way', async () => {
    expect(await error('/v3/marketing/favor/stocks/16000003')).toMatchObject({
      status: 400,
      message: '商户号必填',
    });
    expect(await error(stockUrl('16000003', '1900000110'))).toMatchObject({
      status: 403,
      message: '商户无权发券',
    });
    expect(await error(stockUrl('12345678'))).toMatchObject({ status: 404, message: '批次不存在' });
  });
});
