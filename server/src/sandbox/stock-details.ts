import type { StockRecord } from './demo-stocks';

/**
 * The body of GET /v3/marketing/favor/stocks/{stock_id}: the documented fields, amounts in fen,
 * times in RFC 3339 with +08:00 as WeChat Pay sends them.
 */
export function stockDetailsBody(stock: StockRecord): Record<string, unknown> {
  const voucher = stock.kind !== 'not_voucher';
  return {
    stock_id: stock.id,
    stock_creator_mchid: stock.creatorMchid,
    stock_name: stock.name,
    status: stock.status,
    create_time: '2025-10-20T10:00:00+08:00',
    description: `${stock.name}，仅限指定商户使用`,
    stock_use_rule: {
      max_coupons: stock.maxCoupons,
      max_amount: stock.maxCoupons * stock.couponAmount,
      max_amount_by_day: Math.ceil((stock.maxCoupons * stock.couponAmount) / 10),
      max_coupons_per_user: 3,
      coupon_type: voucher ? 'NORMAL' : 'CUT_TO',
      goods_tag: stock.kind === 'single_item' ? ['sandbox_single_item'] : [],
      trade_type: ['MICROAPP', 'JSAPI', 'MWEB'],
      combine_use: false,
      ...(voucher
        ? {
            fixed_normal_coupon: {
              coupon_amount: stock.couponAmount,
              transaction_minimum: stock.transactionMinimum,
            },
          }
        : {}),
    },
    available_begin_time: stock.availableBegin,
    available_end_time: stock.availableEnd,
    distributed_coupons: stock.distributedCoupons,
    no_cash: false,
    start_time: stock.availableBegin,
    ...(stock.status === 'stoped' ? { stop_time: stock.availableEnd } : {}),
    ...(voucher
      ? {}
      : { cut_to_message: { single_price_max: 100000, cut_to_price: stock.couponAmount } }),
    singleitem: stock.kind === 'single_item',
    stock_type: voucher ? 'NORMAL' : 'DISCOUNT_CUT',
  };
}
