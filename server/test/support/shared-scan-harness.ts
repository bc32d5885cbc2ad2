// Test-only wiring: console replicas sharing scans through one real Redis, each with its own
// connections, its own real client and router, all in front of one real sandbox.
import { randomUUID } from 'node:crypto';
import express from 'express';
import type Redis from 'ioredis';
import { errorHandler, notFound } from '../../src/http/error-handler';
import { connectRedis, waitUntilReady } from '../../src/infra/redis/connection';
import type { RunningSandbox } from '../../src/sandbox/sandbox';
import type { FairShare } from '../../src/stocks/fair-share';
import { createStocksRouter } from '../../src/stocks/routes';
import type { Scan } from '../../src/stocks/scan';
import type { ScanService } from '../../src/stocks/scan-service';
import { createMemoryScanStore } from '../../src/stocks/scans/scan-store';
import { createSharedScanService } from '../../src/stocks/shared-scan-service';
import { clientFor } from './wiring';

export const CREATOR = '1900000109';
export const LOCK_TTL_MS = 1_500;

export interface Replica {
  app: express.Express;
  scans: ScanService;
  redis: Redis;
  subscriber: Redis;
  /** Graceful: hands its walks over, then drops its connections. */
  close(): Promise<void>;
  /** Abrupt: its connections drop and its walk with them; its lock is left to expire. */
  crash(): void;
}

/** One replica; replicas given the same `prefix` share their scans. */
export async function startReplica(
  sandbox: RunningSandbox,
  redisUrl: string,
  prefix: string,
  fairShare?: FairShare,
): Promise<Replica> {
  const connection = { url: redisUrl, commandTimeoutMs: 1_000 };
  const redis = connectRedis({ ...connection, name: 'commands' });
  const subscriber = connectRedis({ ...connection, name: 'events' });
  await Promise.all([waitUntilReady(redis, 5_000), waitUntilReady(subscriber, 5_000)]);
  const client = clientFor(sandbox, { maxRetries: 0 });
  const scans = createSharedScanService({
    client,
    merchantMchid: sandbox.credentials.mchid,
    store: createMemoryScanStore(),
    offsetMode: 'auto',
    redis,
    subscriber,
    prefix,
    lockTtlMs: LOCK_TTL_MS,
    replicaId: randomUUID(),
    ...(fairShare ? { fairShare } : {}),
  });
  const app = express();
  app.set('query parser', 'simple');
  app.use('/api', express.json());
  app.use('/api', createStocksRouter({ client, scans }));
  app.use('/api', notFound);
  app.use(errorHandler);
  const disconnect = () => {
    redis.disconnect();
    subscriber.disconnect();
  };
  return {
    app,
    scans,
    redis,
    subscriber,
    async close() {
      await scans.close();
      disconnect();
    },
    crash: disconnect,
  };
}

export const target = (stockId: string) => ({ stockId, stockCreatorMchid: CREATOR });

/** Polls until `accept` holds for the replica's latest scan of the stock. */
export async function waitForScan(
  replica: Replica,
  stockId: string,
  accept: (scan: Scan) => boolean,
  timeoutMs = 20_000,
): Promise<Scan> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scan = await replica.scans.latest(target(stockId));
    if (scan && accept(scan)) return scan;
    if (Date.now() > deadline)
      throw new Error(`stock ${stockId}: ${JSON.stringify(scan?.progress())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const finished = (scan: Scan) => scan.state !== 'running';
