import { queryOptions } from '@tanstack/react-query';
import { scanProgressSchema } from 'server/contract';
import { apiPost } from '../../../lib/api-client';
import { type StockTarget, stockKey, stockPostPath } from '../../../lib/stock-path';

export function scanKey(target: StockTarget) {
  return [...stockKey(target), 'scan'] as const;
}

/** POST /api/stocks/:id/scans: starts a full scan, or joins the one running or cached. */
export function startScan(target: StockTarget, refresh: boolean, signal?: AbortSignal) {
  return apiPost(
    stockPostPath(target, '/scans'),
    { stock_creator_mchid: target.mchid, refresh },
    (body) => scanProgressSchema.parse(body),
    signal,
  );
}

/**
 * The scan's progress. Fetching it joins the server's scan (the POST is a join, so repeating it
 * is harmless); while it runs, server-sent events keep this cache entry current.
 */
export function scanQuery(target: StockTarget) {
  return queryOptions({
    queryKey: scanKey(target),
    queryFn: ({ signal }) => startScan(target, false, signal),
  });
}
