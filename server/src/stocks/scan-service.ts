import { apiError } from '../http/api-error';
import { type Clock, systemClock } from '../lib/clock';
import type { OffsetMode, WechatPayClient } from '../wechatpay/client';
import type { ItemsOffsetMode } from '../wechatpay/offset-mode';
import type { FairShare } from './fair-share';
import { Scan, type ScanTarget } from './scan';
import { knownOffsetMode, runWalk, type WalkContext } from './scan-walk';
import type { ScanStore } from './scans/scan-store';

export interface ScanServiceOptions {
  client: WechatPayClient;
  /** The merchant whose credentials sign the calls: part of every cache key. */
  merchantMchid: string;
  store: ScanStore;
  clock?: Clock;
  /** WECHATPAY_ITEMS_OFFSET_MODE (default auto). */
  offsetMode?: ItemsOffsetMode;
  /** Codes per upstream page: the endpoint's maximum, so a scan takes the fewest calls. */
  pageLimit?: number;
  /** Bounds the scans each person starts (none when absent). */
  fairShare?: FairShare;
}

export type StartOptions = {
  refresh?: boolean;
  /** Who asks: a new walk counts as theirs and waits in their turn of the pacer's line. */
  requester?: string;
};

export interface ScanService {
  /**
   * The running scan, else the cached finished one, else a new walk. `refresh` skips the cache
   * but still joins a walk that is running: there is never more than one per stock. A new walk
   * beyond the requester's fair share answers 429 USER_BUDGET_EXCEEDED.
   */
  start(target: ScanTarget, options?: StartOptions): Promise<Scan>;
  /** The running scan, else the cached one (done, failed or interrupted), if any. */
  latest(target: ScanTarget): Promise<Scan | undefined>;
  /** How the items endpoint reads `offset`: configured, or detected by a walk. */
  offsetMode(): OffsetMode | null;
  /** Stops every walk (state interrupted) and waits for them to settle. */
  close(): Promise<void>;
}

/** Full scans shared by everyone asking: singleflight per (merchant, creator, stock) + cache. */
export function createScanService(options: ScanServiceOptions): ScanService {
  const { client, merchantMchid, store, clock = systemClock, fairShare } = options;
  const ctx: WalkContext = {
    client,
    clock,
    mode: options.offsetMode ?? 'auto',
    pageLimit: options.pageLimit ?? 100,
  };
  const running = new Map<string, Scan>();
  const walks = new Set<Promise<void>>();
  // Covers the (possibly asynchronous) cache lookup, so two callers never both miss and walk.
  const deciding = new Map<string, Promise<Scan>>();
  let closed = false;

  const keyOf = (t: ScanTarget) => `${merchantMchid}:${t.stockCreatorMchid}:${t.stockId}`;

  async function walk(key: string, scan: Scan): Promise<void> {
    await runWalk(ctx, scan);
    // Store before leaving `running`, so a reader never finds neither.
    scan.expiresAt = await store.set(key, scan).catch(() => null);
    running.delete(key);
    scan.emit();
  }

  async function lookupOrWalk(key: string, target: ScanTarget, options: StartOptions) {
    if (!options.refresh) {
      const cached = await store.get(key);
      if (cached?.state === 'done') return cached;
    }
    if (closed) throw apiError('SCAN_INTERRUPTED', 'The console is shutting down');
    const scan = new Scan(target, clock.now());
    const { requester } = options;
    scan.requester = requester;
    const release = requester && fairShare ? fairShare.startScan(requester, scan) : () => {};
    running.set(key, scan);
    const done = walk(key, scan).finally(release);
    walks.add(done);
    void done.finally(() => walks.delete(done));
    return scan;
  }

  async function start(target: ScanTarget, options: StartOptions = {}): Promise<Scan> {
    const key = keyOf(target);
    const active = running.get(key);
    if (active) return active;
    const pending = deciding.get(key);
    if (!pending) {
      const decided = lookupOrWalk(key, target, options).finally(() => deciding.delete(key));
      deciding.set(key, decided);
      return decided;
    }
    const joined = await pending.catch(() => undefined);
    // A refresh that joined a plain lookup which found the cache must still walk (once); so must
    // whoever joined a start refused by its requester's fair share.
    if (!joined || (options.refresh && joined.state !== 'running')) return start(target, options);
    return joined;
  }

  return {
    start,
    async latest(target) {
      const key = keyOf(target);
      return running.get(key) ?? (await store.get(key));
    },
    offsetMode: () => knownOffsetMode(ctx),
    async close() {
      closed = true;
      for (const scan of running.values()) scan.controller.abort();
      await Promise.allSettled([...walks]);
    },
  };
}
