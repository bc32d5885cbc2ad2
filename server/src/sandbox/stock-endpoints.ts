import type { PaginationMode } from './constants';
import type { StockRecord } from './demo-stocks';
import { findErrorScenario, tableRow } from './error-scenarios';
import { itemsReply } from './items-page';
import { itemsQuerySchema, parseQuery, stockQuerySchema } from './query';
import { errorReply, type JsonReply, okReply } from './reply';
import { findStock } from './stock-catalog';
import { stockDetailsBody } from './stock-details';

const ROWS = {
  stockIdRequired: tableRow('批次号必填'),
  notFound: tableRow('批次不存在'),
  notCreator: tableRow('商户无权发券'),
  notVoucher: tableRow('非法的批次状态'),
};

type Lookup = { ok: true; stock: StockRecord } | { ok: false; reply: JsonReply };

function stockIdMissing(): JsonReply {
  const { message } = ROWS.stockIdRequired;
  return errorReply(ROWS.stockIdRequired, {
    field: 'stock_id',
    value: '',
    issue: message,
    location: 'path',
  });
}

/** Reserved scenario ids answer their row; then the stock must exist (404) and be the caller's (403). */
function lookup(stockId: string, creatorMchid: string): Lookup {
  const scenario = findErrorScenario(stockId);
  if (scenario) return { ok: false, reply: errorReply(scenario.row) };
  const stock = findStock(stockId);
  if (!stock) return { ok: false, reply: errorReply(ROWS.notFound) };
  if (stock.creatorMchid !== creatorMchid) return { ok: false, reply: errorReply(ROWS.notCreator) };
  return { ok: true, stock };
}

/**
 * GET /v3/marketing/favor/stocks/{stock_id}/items, validated in this order: stock id present,
 * query (query.ts), scenario ids, stock exists, caller created it, stock is a voucher (a
 * DISCOUNT_CUT stock answers 400 PARAM_ERROR 非法的批次状态: the sandbox's choice of row).
 */
export function itemsEndpoint(
  stockId: string,
  params: URLSearchParams,
  mode: PaginationMode,
): JsonReply {
  if (stockId === '') return stockIdMissing();
  const query = parseQuery(itemsQuerySchema, params);
  if (!query.ok) return query.reply;
  const found = lookup(stockId, query.value.stock_creator_mchid);
  if (!found.ok) return found.reply;
  if (found.stock.kind === 'not_voucher') return errorReply(ROWS.notVoucher);
  return itemsReply(found.stock, query.value, mode);
}

/** GET /v3/marketing/favor/stocks/{stock_id}: the same checks, any stock type. */
export function detailsEndpoint(stockId: string, params: URLSearchParams): JsonReply {
  if (stockId === '') return stockIdMissing();
  const query = parseQuery(stockQuerySchema, params);
  if (!query.ok) return query.reply;
  const found = lookup(stockId, query.value.stock_creator_mchid);
  return found.ok ? okReply(stockDetailsBody(found.stock)) : found.reply;
}
