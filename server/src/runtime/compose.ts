import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type express from 'express';
import type { Logger } from 'pino';
import { createAccounts } from '../accounts/accounts';
import { assertAdminExists, ensureDemoAdmin } from '../accounts/bootstrap';
import { openConsoleDatabase } from '../accounts/database';
import { createApp } from '../app';
import { createAuditLog } from '../audit/audit-log';
import { scheduleAuditPurge } from '../audit/audit-purge';
import { type Env, isLive } from '../config/env';
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
 * Everything the console is made of, wired once: accounts and audit (SQLite in DATA_DIR),
 * WeChat Pay (live or the embedded sandbox), shared scans, and the Express app in front.
 */
export async function composeConsole(env: Env, logger: Logger, clock: Clock): Promise<Console> {
  // Accounts come first: live mode without an admin must stop before reaching WeChat Pay.
  const db = openConsoleDatabase(env.DATA_DIR);
  if (isLive(env)) assertAdminExists(db);
  const demoLogin = isLive(env) ? undefined : await ensureDemoAdmin(db, env.CONSOLE_DEMO_PASSWORD);
  const audit = createAuditLog(db, clock);
  const stopPurge = scheduleAuditPurge(db, env.AUDIT_RETENTION_DAYS, clock, logger);
  const accounts = createAccounts({ db, clock, audit, ...(demoLogin ? { demoLogin } : {}) });

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
    trustProxy: env.TRUST_PROXY,
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? DEFAULT_WEB_DIST),
    apiRouters: consoleApiRouters({
      accounts,
      db,
      audit,
      clock,
      sandbox: Boolean(upstream.sandbox),
      audited: [createStocksRouter({ client: upstream.client, scans, clock })],
    }),
  });

  let closing: Promise<void> | undefined;
  const close = async () => {
    await scans.close();
    stopPurge();
    await upstream.sandbox?.close();
    db.close();
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
