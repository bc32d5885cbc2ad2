import { queryOptions } from '@tanstack/react-query';
import { scanProgressSchema } from 'server/contract';
import { apiGet, apiPost } from '@/lib/api/client';
import { ApiError } from '@/lib/api/error';
import { type StockTarget, stockKey, stockPath, stockPostPath } from '@/lib/stock-path';

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
 * GET /api/stocks/:id/scans/latest: the scan someone already started, or null when there is none
 * (409 SCAN_NOT_STARTED). For roles that may watch a scan but not start one (support).
 */
export async function latestScan(target: StockTarget, signal?: AbortSignal) {
  try {
    return await apiGet(
      stockPath(target, '/scans/latest'),
      (body) => scanProgressSchema.parse(body),
      signal,
    );
  } catch (error) {
    if (error instanceof ApiError && error.payload?.code === 'SCAN_NOT_STARTED') return null;
    throw error;
  }
}

/**
 * The scan's progress. With `canStart`, fetching it joins the server's scan (the POST is a join,
 * so repeating it is harmless); without, it only reads the latest scan, null if none. While it
 * runs, server-sent events keep this cache entry current.
 */
export function scanQuery(target: StockTarget, canStart: boolean) {
  return queryOptions({
    queryKey: scanKey(target),
    queryFn: ({ signal }) =>
      canStart ? startScan(target, false, signal) : latestScan(target, signal),
  });
}
