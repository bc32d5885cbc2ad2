import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type express from 'express';
import type { Logger } from 'pino';
import { createAccounts } from '../accounts/accounts';
import { assertAdminExists, ensureDemoAdmin } from '../accounts/bootstrap';
import { createApp } from '../app';
import { scheduleAuditPurge } from '../audit/audit-purge';
import { type Env, isLive } from '../config/env';
import { openConsoleStore } from '../database/console-store';
import type { Clock } from '../lib/clock';
import { createStocksRouter } from '../stocks/routes';
import { createScanService } from '../stocks/scan-service';
import { createMemoryScanStore } from '../stocks/scan-store';
import { VERSION } from '../version';
import { consoleApiRouters } from './api-routers';
import { connectUpstream, type Upstream } from './upstream';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

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
 * PostgreSQL when DATABASE_URL is set), WeChat Pay (live or the embedded sandbox), shared
 * scans, and the Express app in front.
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
  if (isLive(env)) await assertAdminExists(users);
  const demoLogin = isLive(env)
    ? undefined
    : await ensureDemoAdmin(users, env.CONSOLE_DEMO_PASSWORD);
  const stopPurge = scheduleAuditPurge(store.purge, env.AUDIT_RETENTION_DAYS, clock, logger);
  const accounts = createAccounts({
    db: store.sqlite,
    users,
    clock,
    audit,
    ...(demoLogin ? { demoLogin } : {}),
  });

  const upstream = await connectUpstream(env, logger, clock);
  const scans = createScanService({
    client: upstream.client,
    merchantMchid: upstream.mchid,
    store: createMemoryScanStore({
      ttlMs: env.SCAN_CACHE_TTL_MS,
      maxCodes: env.SCAN_CACHE_MAX_CODES,
      clock,
    }),
    clock,
    offsetMode: env.WECHATPAY_ITEMS_OFFSET_MODE,
  });

  const app = createApp({
    mode: upstream.mode,
    version: VERSION,
    logger,
    dependencies: store.kind === 'postgres' ? [{ name: 'postgres', check: store.healthy }] : [],
    trustProxy: env.TRUST_PROXY,
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? DEFAULT_WEB_DIST),
    apiRouters: consoleApiRouters({
      accounts,
      audit,
      auditQueries: store.auditQueries,
      clock,
      sandbox: Boolean(upstream.sandbox),
      audited: [createStocksRouter({ client: upstream.client, scans, clock })],
    }),
  });

  let closing: Promise<void> | undefined;
  const close = async () => {
    await scans.close();
    await stopPurge();
    await upstream.sandbox?.close();
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
