import type { Response, Router } from 'express';
import {
  type ItemsPageResponse,
  itemsQuerySchema,
  type StockDetailsResponse,
  type StockKind,
  stockQuerySchema,
} from '../contract/stocks';
import { fromWechatPayError } from '../http/api-error';
import type { CallOptions } from '../wechatpay/client';
import type { StockDetails } from '../wechatpay/schemas';
import { createPageCache } from './page-cache';
import { callerSignal, requesterOf, stockIdOf } from './route-inputs';
import type { StocksRouterDeps } from './routes';
import { parseInput } from './validate';

/** Only vouchers have item lists; single-item ones list the products they apply to. */
export function stockKind(stock: Pick<StockDetails, 'stock_type' | 'singleitem'>): StockKind {
  if (stock.stock_type !== 'NORMAL') return 'not_voucher';
  return stock.singleitem ? 'single_item' : 'whole_store';
}

/**
 * GET one stock's details (straight through) and GET one upstream page, answered from a short
 * page cache when it was fetched recently (`X-Cache: HIT`, with the original `fetched_at` and
 * `request_id`; see page-cache.ts).
 */
export function addLookupRoutes(router: Router, deps: StocksRouterDeps): void {
  const { client, scans, clock, fairShare } = deps;
  const now = () => new Date(clock.now()).toISOString();
  const pageCache = createPageCache(clock);
  // Each upstream call is one of the person's fair share, and waits in their turn of the line.
  const fairly = <T>(res: Response, call: (options: CallOptions) => Promise<T>): Promise<T> => {
    const requester = requesterOf(res);
    const options = { signal: callerSignal(res), ...(requester ? { requester } : {}) };
    if (!fairShare) return call(options);
    return fairShare.lookup(requester ?? 'anonymous', () => call(options));
  };

  router.get('/stocks/:stockId', async (req, res) => {
    const stockId = stockIdOf(req);
    const { stock_creator_mchid } = parseInput(stockQuerySchema, req.query);
    const query = { stockId, stockCreatorMchid: stock_creator_mchid };
    const result = await fairly(res, (options) => client.getStock(query, options));
    if (!result.ok) throw fromWechatPayError(result.error);
    const s = result.data;
    const body: StockDetailsResponse = {
      stock_id: s.stock_id,
      stock_creator_mchid: s.stock_creator_mchid,
      stock_name: s.stock_name,
      status: s.status,
      stock_type: s.stock_type,
      singleitem: s.singleitem,
      kind: stockKind(s),
      available_begin_time: s.available_begin_time,
      available_end_time: s.available_end_time,
      ...(s.distributed_coupons === undefined
        ? {}
        : { distributed_coupons: s.distributed_coupons }),
      ...(s.stock_use_rule === undefined ? {} : { stock_use_rule: s.stock_use_rule }),
      fetched_at: now(),
      request_id: result.requestId ?? null,
    };
    res.json(body);
  });

  router.get('/stocks/:stockId/items', async (req, res) => {
    const stockId = stockIdOf(req);
    const { stock_creator_mchid, offset, limit } = parseInput(itemsQuerySchema, req.query);
    const query = { stockId, stockCreatorMchid: stock_creator_mchid, offset, limit };
    // The merchant is fixed per router (one client), so the upstream query is the whole key.
    const key = JSON.stringify([stockId, stock_creator_mchid, offset, limit]);
    // A refresh asks past the cache (Cache-Control: no-cache or max-age=0, as browsers send).
    const wantsFresh = /no-cache|max-age=0/i.test(req.get('Cache-Control') ?? '');
    const cached = wantsFresh ? undefined : pageCache.get(key);
    if (cached) {
      res.setHeader('X-Cache', 'HIT');
      res.json({ ...cached, offset_mode: scans.offsetMode() } satisfies ItemsPageResponse);
      return;
    }
    const result = await fairly(res, (options) => client.listAvailableItems(query, options));
    if (!result.ok) throw fromWechatPayError(result.error);
    const page = result.data;
    const body: ItemsPageResponse = {
      stock_id: page.stock_id,
      total_count: page.total_count,
      offset: page.offset,
      limit: page.limit,
      data: page.data,
      fetched_at: now(),
      request_id: result.requestId ?? null,
      offset_mode: scans.offsetMode(),
    };
    pageCache.set(key, body);
    res.setHeader('X-Cache', 'MISS');
    res.json(body);
  });
}
