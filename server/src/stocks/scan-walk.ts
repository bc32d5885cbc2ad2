import type { ApiErrorPayload } from '../contract/error';
import { apiError, fromWechatPayError, knownApiError } from '../http/api-error';
import { explained } from '../http/explained';
import type { Clock } from '../lib/clock';
import type { OffsetMode, WechatPayClient } from '../wechatpay/client';
import { type ItemsOffsetMode, reachableCount } from '../wechatpay/offset-mode';
import {
  type WalkPage,
  type WalkResult,
  type WalkResume,
  walkItems,
} from '../wechatpay/pagination';
import type { PageArrival, Scan } from './scan';

export interface WalkContext {
  client: WechatPayClient;
  clock: Clock;
  /** WECHATPAY_ITEMS_OFFSET_MODE. */
  mode: ItemsOffsetMode;
  pageLimit: number;
}

/**
 * Whose turn a walk's pages take in the pacer's line: the person who started it, else (a walk
 * continued from another replica) the stock's own, shared by everyone watching it.
 */
export function walkRequester(scan: Scan): string {
  const { stockCreatorMchid, stockId } = scan.target;
  return scan.requester ?? `stock:${stockCreatorMchid}:${stockId}`;
}

/**
 * The client as a walk sees it: each page waits in the pacer's background queue (so lookups go
 * first, decision 005) in its requester's turn, and every retry WeChat Pay forces on it is shown
 * on the scan meanwhile.
 */
function pacedClient(client: WechatPayClient, scan: Scan): WechatPayClient {
  return {
    ...client,
    async listAvailableItems(query, callOptions) {
      const result = await client.listAvailableItems(query, {
        ...callOptions,
        priority: 'background',
        requester: walkRequester(scan),
        onRetry: ({ error, delayMs }) =>
          scan.waitFor(explained(fromWechatPayError(error)), delayMs),
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

/** How one run of a walk is tied to the world around it (several replicas share a scan). */
export interface WalkRun {
  /** Aborting it stops the walk and leaves the scan running, for someone else to continue. */
  handover?: AbortSignal;
  /** Keeps each page before the scan shows it; a rejection ends the walk. */
  record?: (page: PageArrival) => Promise<void>;
  /** Continue from the pages the scan already holds instead of reading them again. */
  resume?: boolean;
}

async function onPage(ctx: WalkContext, scan: Scan, page: WalkPage, run: WalkRun) {
  const mode = knownOffsetMode(ctx);
  const { totalCount: total } = page;
  const reachable =
    total <= ctx.pageLimit ? total : mode ? reachableCount(mode, total, ctx.pageLimit) : null;
  const pagesTotal = reachable === null ? null : Math.max(1, Math.ceil(reachable / ctx.pageLimit));
  const { index: _index, offset: _offset, ...kept } = page;
  const arrival: PageArrival = {
    ...kept,
    at: ctx.clock.now(),
    reachableCount: reachable,
    pagesTotal,
    offsetMode: mode,
  };
  await run.record?.(arrival);
  scan.addPage(arrival);
}

/** Where the scan's own pages leave its walk: what a walk continuing it must be told. */
export function resumeOf(scan: Scan): WalkResume | undefined {
  if (scan.pagesDone === 0 || scan.totalCount === null) return undefined;
  return {
    ...(scan.offsetMode ? { mode: scan.offsetMode } : {}),
    totalCount: scan.totalCount,
    pages: scan.pagesDone,
    codes: scan.index.codes,
  };
}

function failure(scan: Scan, result: WalkResult | undefined, thrown: unknown): ApiErrorPayload {
  if (scan.controller.signal.aborted) {
    return explained(apiError('SCAN_INTERRUPTED', 'The scan was stopped before it finished'));
  }
  if (result && !result.ok) return explained(fromWechatPayError(result.error));
  // Our own explained errors (a shared store away while pacing the walk) keep their meaning.
  const known = knownApiError(thrown);
  if (known) return explained(known);
  const why = thrown instanceof Error ? thrown.message : 'unknown failure';
  return explained(apiError('INTERNAL', `The scan failed unexpectedly: ${why}`));
}

/**
 * Reads every reachable page of the scan's stock, one at a time through the client's pacer at
 * background priority (lookups of other stocks overtake it), then finishes the scan:
 * done with truncated/reachable from the walk, or failed/interrupted with the codes kept.
 * Resolves false, the scan left running, when `run.handover` stopped it.
 */
export async function runWalk(ctx: WalkContext, scan: Scan, run: WalkRun = {}): Promise<boolean> {
  let result: WalkResult | undefined;
  let thrown: unknown;
  const signals = [scan.controller.signal, ...(run.handover ? [run.handover] : [])];
  const resume = run.resume ? resumeOf(scan) : undefined;
  try {
    const { stockId, stockCreatorMchid } = scan.target;
    result = await walkItems(
      pacedClient(ctx.client, scan),
      {
        stockId,
        stockCreatorMchid,
        limit: ctx.pageLimit,
        mode: ctx.mode,
        ...(resume ? { resume } : {}),
      },
      { signal: AbortSignal.any(signals), onPage: (page) => onPage(ctx, scan, page, run) },
    );
  } catch (error) {
    thrown = error;
  }
  if (run.handover?.aborted && !scan.controller.signal.aborted) return false;
  const at = ctx.clock.now();
  if (result?.ok && !scan.controller.signal.aborted) {
    const { totalCount, reachableCount: reachable, truncated } = result;
    scan.finish({ state: 'done', totalCount, reachableCount: reachable, truncated }, at);
    return true;
  }
  const state = scan.controller.signal.aborted ? 'interrupted' : 'failed';
  scan.finish({ state, error: failure(scan, result, thrown) }, at);
  return true;
}
