import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { ConfigError, loadEnv } from './config/env';
import { explanationsRouter } from './http/explanations-route';
import { createLogger } from './http/logger';
import { sandboxRouter } from './http/sandbox-route';
import { systemClock } from './lib/clock';
import { connectUpstream } from './runtime/upstream';
import { createStocksRouter } from './stocks/routes';
import { createScanService } from './stocks/scan-service';
import { createMemoryScanStore } from './stocks/scan-store';
import { VERSION } from './version';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const upstream = await connectUpstream(env, logger, systemClock);
  if (upstream.sandbox) {
    logger.info(
      { sandbox: upstream.sandbox.url },
      'no WECHATPAY_MCHID: running on the embedded WeChat Pay sandbox',
    );
  }
  const scans = createScanService({
    client: upstream.client,
    merchantMchid: upstream.mchid,
    store: createMemoryScanStore({
      ttlMs: env.SCAN_CACHE_TTL_MS,
      maxCodes: env.SCAN_CACHE_MAX_CODES,
      clock: systemClock,
    }),
    clock: systemClock,
    offsetMode: env.WECHATPAY_ITEMS_OFFSET_MODE,
    scanCallsPerMinute: env.SCAN_CALLS_PER_MINUTE,
  });
  const app = createApp({
    mode: upstream.mode,
    version: VERSION,
    logger,
    apiRouters: [
      explanationsRouter(),
      ...(upstream.sandbox ? [sandboxRouter()] : []),
      createStocksRouter({ client: upstream.client, scans }),
    ],
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? DEFAULT_WEB_DIST),
  });
  const server = app.listen(env.PORT, env.HOST, () => {
    const url = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}`;
    logger.info({ url, mode: upstream.mode }, 'console listening');
    console.log(`Coupon Coverage Console (${upstream.mode}) at ${url}`);
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'cannot listen');
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    // Running scans stop first (state interrupted), which also ends their event streams.
    void scans.close().finally(() => server.closeIdleConnections());
    server.close(async () => {
      await upstream.sandbox?.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The console failed to start:', error);
  }
  process.exit(1);
});
