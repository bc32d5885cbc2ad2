import path from 'node:path';
import type express from 'express';
import type { Logger } from 'pino';
import { createAccounts } from '../accounts/accounts';
import { assertAdminExists, ensureDemoAdmin } from '../accounts/bootstrap';
import { createRedisLoginThrottle } from '../accounts/store/redis-login-throttle';
import { createRedisSessionStore } from '../accounts/store/redis-session-store';
import { createApp } from '../app';
import { scheduleAuditPurge } from '../audit/store/audit-purge';
import { type Env, isLive } from '../config/env';
import type { Clock } from '../lib/clock';
import { SERVER_DIR } from '../lib/server-dir';
import { createFairShare, DEFAULT_FAIR_SHARE } from '../stocks/fair-share';
import { createStocksRouter } from '../stocks/routes';
import { createScanService } from '../stocks/scan-service';
import { createMemoryScanStore } from '../stocks/scans/scan-store';
import { createSharedScanService } from '../stocks/shared-scan-service';
import { VERSION } from '../version';
import { consoleApiRouters } from './api-routers';
import { openConsoleStore } from './console-store';
import { connectSharedRedis } from './shared-redis';
import { connectUpstream, type Upstream } from './upstream';

const DEFAULT_WEB_DIST = path.join(SERVER_DIR, '..', 'web', 'dist');

export interface Console {
  app: express.Express;
  upstream: Upstream;
  /** The sandbox's demo admin, to print at start; absent in live mode. */
  demoLogin?: { username: string; password: string };
  /** Stops running scans (state interrupted, codes kept), which also ends their event streams. */
  interruptScans(): Promise<void>;
  /** Stops scans, the audit purge, the database and the embedded sandbox. */
  close(): Promise<void>;
}

/**
 * Everything the console is made of, wired once: accounts and audit (SQLite in DATA_DIR, or
 * PostgreSQL when DATABASE_URL is set), sessions, throttling, the WeChat Pay budget and scans
 * (this process, or Redis shared by every replica when REDIS_URL is set), WeChat Pay (live or
 * the embedded sandbox), and the Express app in front.
 */
export async function composeConsole(env: Env, logger: Logger, clock: Clock): Promise<Console> {
  // Accounts come first: live mode without an admin must stop before reaching WeChat Pay.
  const store = await openConsoleStore({
    dataDir: env.DATA_DIR,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    timeoutMs: env.SHARED_STORE_TIMEOUT_MS,
    clock,
    logger,
  });
  const { users, audit } = store;
  // Several replicas: sessions, sign-in throttling, the WeChat Pay budget and scans in Redis.
  const shared = await connectSharedRedis(env, logger);
  if (isLive(env)) await assertAdminExists(users);
  const demoLogin = isLive(env)
    ? undefined
    : await ensureDemoAdmin(users, env.CONSOLE_DEMO_PASSWORD);
  const stopPurge = scheduleAuditPurge(store.purge, env.AUDIT_RETENTION_DAYS, clock, logger);
  const accounts = createAccounts({
    users,
    clock,
    audit,
    ...(demoLogin ? { demoLogin } : {}),
    ...(shared
      ? {
          sessionStore: createRedisSessionStore(shared.redis, shared.prefix, clock),
          throttle: createRedisLoginThrottle(shared.redis, shared.prefix, clock),
        }
      : { sessionStore: store.sessions, throttle: store.throttle }),
  });

  const upstream = await connectUpstream(env, logger, clock, shared);
  // This replica's cache of finished scans (bounded by codes held); with Redis, a local copy
  // of what every replica shares.
  const localScans = createMemoryScanStore({
    ttlMs: env.SCAN_CACHE_TTL_MS,
    maxCodes: env.SCAN_CACHE_MAX_CODES,
    clock,
  });
  // One person's lookups drain at about one grant interval each when the line is busy.
  const fairShare = createFairShare({
    ...DEFAULT_FAIR_SHARE,
    lookupRetryAfterSeconds: Math.ceil(
      (DEFAULT_FAIR_SHARE.lookupsPerUser * 60) / env.WECHATPAY_RATE_PER_IP_PER_MINUTE,
    ),
  });
  const scanOptions = {
    fairShare,
    client: upstream.client,
    merchantMchid: upstream.mchid,
    store: localScans,
    clock,
    offsetMode: env.WECHATPAY_ITEMS_OFFSET_MODE,
  };
  const scans = shared
    ? createSharedScanService({
        ...scanOptions,
        redis: shared.redis,
        subscriber: shared.subscriber,
        prefix: shared.prefix,
        lockTtlMs: env.SCAN_LOCK_TTL_MS,
        replicaId: shared.replicaId,
        cacheTtlMs: env.SCAN_CACHE_TTL_MS,
      })
    : createScanService(scanOptions);

  const app = createApp({
    mode: upstream.mode,
    version: VERSION,
    logger,
    dependencies: [
      ...(shared ? [shared.health] : []),
      ...(store.kind === 'postgres' ? [{ name: 'postgres' as const, check: store.healthy }] : []),
    ],
    trustProxy: env.TRUST_PROXY,
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    clientKey: accounts.clientKey,
    publicOrigins: env.CONSOLE_PUBLIC_URL,
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? DEFAULT_WEB_DIST),
    apiRouters: consoleApiRouters({
      accounts,
      audit,
      auditQueries: store.auditQueries,
      clock,
      sandbox: Boolean(upstream.sandbox),
      audited: [createStocksRouter({ client: upstream.client, scans, clock, fairShare })],
    }),
  });

  let closing: Promise<void> | undefined;
  const close = async () => {
    await scans.close();
    await stopPurge();
    await upstream.sandbox?.close();
    await shared?.close();
    await store.close();
  };
  return {
    app,
    upstream,
    ...(demoLogin ? { demoLogin } : {}),
    interruptScans: () => scans.close(),
    // Idempotent: shutdown asks from more than one place.
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
