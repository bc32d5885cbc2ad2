// Test-only wiring: the real client against a real sandbox on port 0, our router in a small app.
import express from 'express';
import { errorHandler, notFound } from '../../src/http/error-handler';
import { type Clock, systemClock } from '../../src/lib/clock';
import { sandboxCredentials } from '../../src/runtime/sandbox-credentials';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/sandbox';
import type { FairShare } from '../../src/stocks/fair-share';
import { createStocksRouter } from '../../src/stocks/routes';
import { createScanService, type ScanService } from '../../src/stocks/scan-service';
import { createMemoryScanStore } from '../../src/stocks/scans/scan-store';
import { createWechatPayClient, type WechatPayClient } from '../../src/wechatpay/client';
import type { ItemsOffsetMode } from '../../src/wechatpay/offset-mode';
import type { Pacer } from '../../src/wechatpay/pacer';

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  offsetMode?: ItemsOffsetMode;
  /** The clock of cache TTLs and progress times (the client and sandbox keep their own). */
  clock?: Clock;
  ttlMs?: number;
  pacer?: Pacer;
  /** The client's clock (signatures), shared with the sandbox when limits run scaled. */
  wireClock?: Clock;
  /** Wraps the real client, e.g. to hold a walk at a page. */
  wrapClient?: (client: WechatPayClient) => WechatPayClient;
  /** Bounds the scans each requester starts. */
  fairShare?: FairShare;
}

export interface Harness {
  app: express.Express;
  sandbox: RunningSandbox;
  scans: ScanService;
  client: WechatPayClient;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const wireClock = options.wireClock ?? systemClock;
  const sandbox = await startSandbox({
    port: 0,
    latencyMs: [0, 0],
    limits: { perMinute: 1_000_000, perIpPerMinute: 1_000_000 },
    clock: wireClock,
    ...options.sandbox,
  });
  const c = sandbox.credentials;
  const realClient = createWechatPayClient({
    ...sandboxCredentials(sandbox, 'public_key'),
    baseUrl: sandbox.url,
    userAgent: 'coupon-coverage-console-test/0.1.0 (node)',
    maxRetries: 0,
    clock: wireClock,
    ...(options.pacer ? { pacer: options.pacer } : {}),
  });
  const client = options.wrapClient ? options.wrapClient(realClient) : realClient;
  const clock = options.clock ?? systemClock;
  const store = createMemoryScanStore({
    clock,
    ...(options.ttlMs ? { ttlMs: options.ttlMs } : {}),
  });
  const scans = createScanService({
    client,
    merchantMchid: c.mchid,
    store,
    clock,
    offsetMode: options.offsetMode ?? 'page',
    ...(options.fairShare ? { fairShare: options.fairShare } : {}),
  });
  const app = express();
  app.set('query parser', 'simple');
  app.use('/api', express.json({ limit: '2mb' }));
  app.use('/api', createStocksRouter({ client, scans, clock }));
  app.use('/api', notFound);
  app.use(errorHandler);
  return {
    app,
    sandbox,
    scans,
    client,
    async close() {
      await scans.close();
      await sandbox.close();
    },
  };
}

/** Holds every items call at `offset >= from` until `release()` is called. */
export function gateFrom(from: number) {
  let release = () => {};
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  const wrap = (client: WechatPayClient): WechatPayClient => ({
    ...client,
    async listAvailableItems(query, callOptions) {
      const signal = callOptions?.signal;
      if (query.offset >= from) {
        await new Promise<void>((resolve, reject) => {
          void opened.then(resolve);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      }
      return client.listAvailableItems(query, callOptions);
    },
  });
  return { wrap, release: () => release() };
}

/** Polls the scan until it leaves `running`. */
export async function settled(scans: ScanService, stockId: string, creator = '1900000109') {
  for (;;) {
    const scan = await scans.latest({ stockId, stockCreatorMchid: creator });
    if (scan && scan.state !== 'running') return scan;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
