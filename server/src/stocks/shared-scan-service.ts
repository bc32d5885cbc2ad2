import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { apiError } from '../http/api-error';
import { orUnavailable } from '../infra/redis/connection';
import { systemClock } from '../lib/clock';
import { Scan, type ScanTarget } from './scan';
import type { ScanService, ScanServiceOptions } from './scan-service';
import { knownOffsetMode } from './scan-walk';
import { createScanRecords, type ScanMeta } from './scans/redis-scan-records';
import { DEFAULT_SCAN_TTL_MS } from './scans/scan-store';
import {
  finishedKey,
  follow,
  handOverAll,
  lockToken,
  own,
  type ReplicaScans,
  retire,
  type ScanEntry,
  sync,
} from './shared-scan-entry';
import { catchUp, interruptHere, metaOf } from './shared-scan-mirror';

export interface SharedScanServiceOptions extends ScanServiceOptions {
  /** Commands. */
  redis: Redis;
  /** Pub/sub only: a subscribed ioredis connection can run no other command. */
  subscriber: Redis;
  /** REDIS_KEY_PREFIX. */
  prefix: string;
  /** SCAN_LOCK_TTL_MS: how long a walk outlives its replica before another continues it. */
  lockTtlMs: number;
  /** Tells this replica's locks from another's. */
  replicaId: string;
  /** SCAN_CACHE_TTL_MS: how long every replica reuses a finished scan (default 10 minutes). */
  cacheTtlMs?: number;
}

// Meta and pages of a running scan outlive its lock by a few periods, so that a replica can
// still continue the walk after the owner died; then, with nobody left, they expire.
const RUNNING_TTL_IN_LOCK_PERIODS = 4;

const shuttingDown = () => apiError('SCAN_INTERRUPTED', 'The console is shutting down');

/**
 * Full scans shared by every replica through Redis: one walk per (merchant, creator, stock)
 * across all of them, progress and codes visible on each, finished scans cached for everyone,
 * and a walk whose replica died or shut down continued by another from its last stored page.
 */
export function createSharedScanService(options: SharedScanServiceOptions): ScanService {
  const { merchantMchid, lockTtlMs, cacheTtlMs = DEFAULT_SCAN_TTL_MS } = options;
  const clock = options.clock ?? systemClock;
  const rs: ReplicaScans = {
    ctx: {
      client: options.client,
      clock,
      mode: options.offsetMode ?? 'auto',
      pageLimit: options.pageLimit ?? 100,
    },
    records: createScanRecords(options.redis, options.prefix, {
      lockMs: lockTtlMs,
      runningMs: lockTtlMs * RUNNING_TTL_IN_LOCK_PERIODS,
      cacheMs: cacheTtlMs,
    }),
    store: options.store,
    subscriber: options.subscriber,
    clock,
    replicaId: options.replicaId,
    lockTtlMs,
    cacheTtlMs,
    running: new Map(),
    byChannel: new Map(),
    walks: new Set(),
    closed: false,
    acquisitions: 0,
  };
  const onMessage = (channel: string) => {
    const entry = rs.byChannel.get(channel);
    if (entry) void sync(rs, entry);
  };
  options.subscriber.on('message', onMessage);

  const keyOf = (t: ScanTarget) => `${merchantMchid}:${t.stockCreatorMchid}:${t.stockId}`;
  // One decision at a time per stock on this replica: never two mirrors, never two claims.
  const queues = new Map<string, Promise<unknown>>();
  function serially<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (queues.get(key) ?? Promise.resolve()).then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, tail);
    void tail.then(() => queues.get(key) === tail && queues.delete(key));
    return result;
  }

  /** This replica's copy of the scan `meta` describes; undefined if it changed meanwhile. */
  async function mirror(key: string, target: ScanTarget, meta: ScanMeta) {
    const cacheKey = finishedKey(key, meta.scanId);
    if (meta.state !== 'running') {
      const cached = await rs.store.get(cacheKey);
      if (cached) return cached;
    }
    const view = await orUnavailable('reading a shared scan', () => rs.records.read(key, 0));
    if (view.meta?.scanId !== meta.scanId) return undefined;
    const scan = new Scan(target, meta.startedAt);
    if (catchUp(scan, { ...view, meta: view.meta })) {
      await rs.store.set(cacheKey, scan);
      return scan;
    }
    if (rs.closed) throw shuttingDown();
    const entry: ScanEntry = { key, scanId: meta.scanId, scan, role: 'mirror' };
    rs.running.set(key, entry);
    follow(rs, entry);
    return scan;
  }

  /** A new walk, if no other replica claims the stock first; it counts as the requester's. */
  async function claim(key: string, target: ScanTarget, requester: string | undefined) {
    if (rs.closed) throw shuttingDown();
    const scanId = randomUUID();
    const scan = new Scan(target, clock.now());
    scan.requester = requester;
    const { fairShare } = options;
    const release = requester && fairShare ? fairShare.startScan(requester, scan) : () => {};
    const token = lockToken(rs, scanId);
    const claimed = await rs.records.claim(key, token, metaOf(scanId, scan)).catch((error) => {
      release();
      throw error;
    });
    if (!claimed) {
      release();
      return undefined;
    }
    const entry: ScanEntry = { key, scanId, scan, role: 'owner' };
    rs.running.set(key, entry);
    void own(rs, entry, token).finally(release);
    return scan;
  }

  async function decide(target: ScanTarget, refresh: boolean, walk: boolean, requester?: string) {
    const key = keyOf(target);
    // A claim fails only when another replica just claimed: the next read finds its scan.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const meta = await orUnavailable('reading a shared scan', () => rs.records.meta(key));
      const local = rs.running.get(key);
      if (local && (local.role === 'owner' || !meta || meta.scanId === local.scanId)) {
        // The walk just ended elsewhere: answer with its end, not with the moment before.
        if (local.role === 'mirror' && meta?.state !== 'running') await sync(rs, local);
        return local.scan;
      }
      if (local) {
        retire(rs, local);
        interruptHere(local.scan, clock.now(), 'A newer scan of this stock replaced it');
      }
      if (meta && (meta.state === 'running' || (meta.state === 'done' && !refresh) || !walk)) {
        const scan = await mirror(key, target, meta);
        if (scan) return scan;
        continue;
      }
      if (!walk) return undefined;
      const claimed = await orUnavailable('starting a shared scan', () =>
        claim(key, target, requester),
      );
      if (claimed) return claimed;
    }
    throw apiError('SHARED_STORE_UNAVAILABLE', 'The shared scan kept changing hands');
  }

  return {
    async start(target, { refresh = false, requester } = {}) {
      const scan = await serially(keyOf(target), () => decide(target, refresh, true, requester));
      if (!scan) throw apiError('INTERNAL', 'No scan was found or started');
      return scan;
    },
    latest: (target) => serially(keyOf(target), () => decide(target, false, false)),
    offsetMode: () => knownOffsetMode(rs.ctx),
    async close() {
      options.subscriber.off('message', onMessage);
      await handOverAll(rs);
    },
  };
}
