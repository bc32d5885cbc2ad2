import type { ItemsPageResponse } from '../contract/stocks';
import type { Clock } from '../lib/clock';

/** How long a looked-up page is answered from memory (default 60 s). */
export const DEFAULT_PAGE_TTL_MS = 60_000;
/** Pages kept at most (default 1,000 × ≤ 100 codes: a few MB). */
export const DEFAULT_MAX_PAGES = 1_000;

export interface PageCache {
  get(key: string): ItemsPageResponse | undefined;
  set(key: string, page: ItemsPageResponse): void;
}

/**
 * Rule (issue 7, cached page lookups): an upstream page answered once is answered again from
 * memory for a short TTL, keeping its original `fetched_at` and `request_id`, so a refreshing
 * browser or several people on one stock cost one WeChat Pay call, never one per view. The
 * TTL is short because, unlike a full scan, a single page carries no "as of" banner in the UI.
 */
export function createPageCache(
  clock: Clock,
  { ttlMs = DEFAULT_PAGE_TTL_MS, maxPages = DEFAULT_MAX_PAGES } = {},
): PageCache {
  // A Map keeps insertion order: re-inserting on set makes the first key the oldest.
  const pages = new Map<string, { page: ItemsPageResponse; expiresAt: number }>();
  return {
    get(key) {
      const entry = pages.get(key);
      if (!entry) return undefined;
      if (clock.now() < entry.expiresAt) return entry.page;
      pages.delete(key);
      return undefined;
    },
    set(key, page) {
      pages.delete(key);
      pages.set(key, { page, expiresAt: clock.now() + ttlMs });
      while (pages.size > maxPages) {
        const oldest = pages.keys().next().value;
        if (oldest === undefined) break;
        pages.delete(oldest);
      }
    },
  };
}
