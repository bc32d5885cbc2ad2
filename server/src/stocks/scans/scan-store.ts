import { LRUCache } from 'lru-cache';
import { type Clock, systemClock } from '../../lib/clock';
import type { Scan } from '../scan';

/**
 * Where finished scans wait to be reused. Asynchronous so that a shared store (Redis, for
 * several replicas) can replace the in-memory one without touching the service.
 */
export interface ScanStore {
  /** The scan stored under `key`, unless it has expired. */
  get(key: string): Promise<Scan | undefined>;
  /** Stores a finished scan; resolves to when it expires (ms since the epoch). */
  set(key: string, scan: Scan): Promise<number>;
  delete(key: string): Promise<void>;
}

export interface MemoryScanStoreOptions {
  /** How long a finished scan is reused. Default 10 minutes. */
  ttlMs?: number;
  /** Codes held across all scans before the least recently used scan is dropped. */
  maxCodes?: number;
  clock?: Clock;
}

export const DEFAULT_SCAN_TTL_MS = 10 * 60_000;
// About 100 MB at the sandbox's average code length of 64 characters, indexes included.
export const DEFAULT_MAX_CODES = 300_000;

interface Entry {
  scan: Scan;
  expiresAt: number;
}

/** An LRU bounded by the number of codes it holds, with a TTL read from the injected clock. */
export function createMemoryScanStore(options: MemoryScanStoreOptions = {}): ScanStore {
  const {
    ttlMs = DEFAULT_SCAN_TTL_MS,
    maxCodes = DEFAULT_MAX_CODES,
    clock = systemClock,
  } = options;
  const cache = new LRUCache<string, Entry>({
    maxSize: maxCodes,
    // Empty scans (whole-store vouchers, early failures) still cost a slot.
    sizeCalculation: (entry) => Math.max(1, entry.scan.index.size),
  });
  return {
    async get(key) {
      const entry = cache.get(key);
      if (!entry) return undefined;
      if (clock.now() < entry.expiresAt) return entry.scan;
      cache.delete(key);
      return undefined;
    },
    async set(key, scan) {
      const expiresAt = clock.now() + ttlMs;
      cache.set(key, { scan, expiresAt });
      return expiresAt;
    },
    async delete(key) {
      cache.delete(key);
    },
  };
}
