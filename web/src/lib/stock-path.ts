/** Which stock a view is about: the stock id and the merchant that created it. */
export interface StockTarget {
  stock: string;
  mchid: string;
}

/** `/api/stocks/:stockId<suffix>?stock_creator_mchid=…&<extra>`, every part encoded (GETs). */
export function stockPath(
  target: StockTarget,
  suffix = '',
  extra: Record<string, string | number> = {},
) {
  const params = new URLSearchParams({ stock_creator_mchid: target.mchid });
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return `${stockPostPath(target, suffix)}?${params.toString()}`;
}

/** `/api/stocks/:stockId<suffix>` for POSTs, which carry the merchant in their JSON body. */
export function stockPostPath(target: StockTarget, suffix: string) {
  return `/api/stocks/${encodeURIComponent(target.stock)}${suffix}`;
}

/** The query-key prefix of everything about one stock, so one invalidation reaches it all. */
export function stockKey(target: StockTarget) {
  return ['stock', target.mchid, target.stock] as const;
}
