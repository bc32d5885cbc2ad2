import type { ApiErrorPayload } from '../contract/error';
import { apiError, fromWechatPayError } from '../http/api-error';
import type { Clock } from '../lib/clock';
import type { OffsetMode, WechatPayClient } from '../wechatpay/client';
import { type ItemsOffsetMode, reachableCount } from '../wechatpay/offset-mode';
import { type WalkPage, type WalkResult, walkItems } from '../wechatpay/pagination';
import type { Scan } from './scan';

export interface WalkContext {
  client: WechatPayClient;
  clock: Clock;
  /** WECHATPAY_ITEMS_OFFSET_MODE. */
  mode: ItemsOffsetMode;
  pageLimit: number;
}

/**
 * The client as a walk sees it: each page waits in the pacer's background queue (so lookups go
 * first, decision 005), and every retry WeChat Pay forces on it is shown on the scan meanwhile.
 */
function pacedClient(client: WechatPayClient, scan: Scan): WechatPayClient {
  return {
    ...client,
    async listAvailableItems(query, callOptions) {
      const result = await client.listAvailableItems(query, {
        ...callOptions,
        priority: 'background',
        onRetry: ({ error, delayMs }) => scan.waitFor(fromWechatPayError(error).payload, delayMs),
      });
      scan.waitFor(null, 0);
      return result;
    },
  };
}

/** The offset reading in force: configured, or what auto-detection has learnt (if anything). */
export function knownOffsetMode(ctx: Pick<WalkContext, 'client' | 'mode'>): OffsetMode | null {
  return ctx.mode === 'auto' ? (ctx.client.offsetMode() ?? null) : ctx.mode;
}

function onPage(ctx: WalkContext, scan: Scan, page: WalkPage): void {
  const mode = knownOffsetMode(ctx);
  const { totalCount: total } = page;
  const reachable =
    total <= ctx.pageLimit ? total : mode ? reachableCount(mode, total, ctx.pageLimit) : null;
  const pagesTotal = reachable === null ? null : Math.max(1, Math.ceil(reachable / ctx.pageLimit));
  scan.addPage({
    ...page,
    at: ctx.clock.now(),
    reachableCount: reachable,
    pagesTotal,
    offsetMode: mode,
  });
}

function failure(scan: Scan, result: WalkResult | undefined, thrown: unknown): ApiErrorPayload {
  if (scan.controller.signal.aborted) {
    return apiError('SCAN_INTERRUPTED', 'The scan was stopped before it finished').payload;
  }
  if (result && !result.ok) return fromWechatPayError(result.error).payload;
  const why = thrown instanceof Error ? thrown.message : 'unknown failure';
  return apiError('INTERNAL', `The scan failed unexpectedly: ${why}`).payload;
}

/**
 * Reads every reachable page of the scan's stock, one at a time through the client's pacer at
 * background priority (lookups of other stocks overtake it), then finishes the scan:
 * done with truncated/reachable from the walk, or failed/interrupted with the codes kept.
 */
export async function runWalk(ctx: WalkContext, scan: Scan): Promise<void> {
  let result: WalkResult | undefined;
  let thrown: unknown;
  try {
    const { stockId, stockCreatorMchid } = scan.target;
    result = await walkItems(
      pacedClient(ctx.client, scan),
      { stockId, stockCreatorMchid, limit: ctx.pageLimit, mode: ctx.mode },
      { signal: scan.controller.signal, onPage: (page) => onPage(ctx, scan, page) },
    );
  } catch (error) {
    thrown = error;
  }
  const at = ctx.clock.now();
  if (result?.ok && !scan.controller.signal.aborted) {
    const { totalCount, reachableCount: reachable, truncated } = result;
    scan.finish({ state: 'done', totalCount, reachableCount: reachable, truncated }, at);
    return;
  }
  const state = scan.controller.signal.aborted ? 'interrupted' : 'failed';
  scan.finish({ state, error: failure(scan, result, thrown) }, at);
}
