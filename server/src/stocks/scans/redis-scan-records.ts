import type Redis from 'ioredis';
import { z } from 'zod';
import { apiErrorBodySchema } from '../../contract/error';
import { scanStateSchema } from '../../contract/stocks';
import { repliesOf } from '../../infra/redis/replies';
import type { PageArrival } from '../scan';
import { APPEND, CLAIM, FINISH, RELEASE, RENEW, TAKE_OVER } from './redis-scan-scripts';

const count = z.number().int().min(0);
const offsetMode = z.enum(['page', 'item']).nullable();

/** What every replica knows of a scan besides its pages (JSON under …:meta). */
export const scanMetaSchema = z.object({
  scanId: z.string().min(1),
  state: scanStateSchema,
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  expiresAt: z.number().nullable(),
  pagesDone: count,
  totalCount: count.nullable(),
  reachableCount: count.nullable(),
  truncated: z.boolean(),
  offsetMode,
  error: apiErrorBodySchema.shape.error.nullable(),
});
export type ScanMeta = z.infer<typeof scanMetaSchema>;

/** One page as the walk saw it (an entry of the …:pages list), its Request-ID included. */
export const scanPageSchema = z.object({
  data: z.array(z.string()),
  requestId: z.string().optional(),
  totalCount: count,
  at: z.number(),
  reachableCount: count.nullable(),
  pagesTotal: count.nullable(),
  offsetMode,
}) satisfies z.ZodType<PageArrival>;

/** A scan as Redis holds it at one instant: meta, the pages from a given one on, the lock. */
export interface ScanView {
  meta: ScanMeta | null;
  pages: PageArrival[];
  /** Milliseconds the lock has left; null when nobody holds it. */
  lockLeftMs: number | null;
}

export interface ScanTtls {
  lockMs: number;
  /** Meta and pages of a running scan: a few lock periods, renewed with the lock. */
  runningMs: number;
  /** Meta and pages of a finished scan: how long it is reused. */
  cacheMs: number;
}

const parseMeta = (json: unknown) => scanMetaSchema.parse(JSON.parse(z.string().parse(json)));

type EventKind = 'started' | 'page' | 'end' | 'released';

/**
 * The Redis side of shared scans, for scan key k (merchant:creator:stock): `${prefix}scan:k:lock`
 * (who walks), `…:meta`, `…:pages` and the `…:events` channel that wakes the watchers up.
 */
export function createScanRecords(redis: Redis, prefix: string, ttls: ScanTtls) {
  const keysOf = (key: string) => {
    const base = `${prefix}scan:${key}`;
    return [`${base}:lock`, `${base}:meta`, `${base}:pages`, `${base}:events`] as const;
  };
  const event = (scanId: string, kind: EventKind) => JSON.stringify({ scanId, kind });
  const run = async (script: string, key: string, ...args: (string | number)[]) =>
    (await redis.eval(script, 4, ...keysOf(key), ...args)) === 1;

  return {
    channelOf: (key: string) => keysOf(key)[3],

    async meta(key: string): Promise<ScanMeta | null> {
      const json = await redis.get(keysOf(key)[1]);
      return json === null ? null : parseMeta(json);
    },

    async read(key: string, fromPage: number): Promise<ScanView> {
      const [lock, meta, pages] = keysOf(key);
      const [metaJson, pageJsons, lockLeft] = await repliesOf(
        redis.multi().get(meta).lrange(pages, fromPage, -1).pttl(lock),
      );
      const ms = z.number().parse(lockLeft);
      return {
        meta: metaJson === null ? null : parseMeta(metaJson),
        pages: z
          .array(z.string())
          .parse(pageJsons)
          .map((json) => scanPageSchema.parse(JSON.parse(json))),
        // -1 (no expiry) never happens to a lock we set; count it as held for a full period.
        lockLeftMs: ms === -2 ? null : ms === -1 ? ttls.lockMs : ms,
      };
    },

    claim: (key: string, token: string, meta: ScanMeta) =>
      run(
        CLAIM,
        key,
        token,
        JSON.stringify(meta),
        ttls.runningMs,
        ttls.lockMs,
        event(meta.scanId, 'started'),
      ),

    takeOver: (key: string, token: string, scanId: string) =>
      run(TAKE_OVER, key, token, scanId, ttls.lockMs),

    append: (key: string, token: string, page: PageArrival, meta: ScanMeta) =>
      run(
        APPEND,
        key,
        token,
        JSON.stringify(page),
        JSON.stringify(meta),
        ttls.runningMs,
        event(meta.scanId, 'page'),
      ),

    renew: (key: string, token: string) => run(RENEW, key, token, ttls.lockMs, ttls.runningMs),

    finish: (key: string, token: string, meta: ScanMeta) =>
      run(FINISH, key, token, JSON.stringify(meta), ttls.cacheMs, event(meta.scanId, 'end')),

    release: (key: string, token: string, scanId: string) =>
      run(RELEASE, key, token, event(scanId, 'released')),
  };
}

export type ScanRecords = ReturnType<typeof createScanRecords>;
