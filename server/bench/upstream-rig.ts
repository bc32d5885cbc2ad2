// The console's upstream as runtime/upstream.ts assembles it (real client, real pacer at the
// configured limits, real scan service) against an in-process sandbox, all on ONE clock.
import type { Clock } from '../src/lib/clock';
import { sandboxCredentials } from '../src/runtime/sandbox-credentials';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../src/sandbox/sandbox';
import type { Scan, ScanTarget } from '../src/stocks/scan';
import { createScanService, type ScanService } from '../src/stocks/scan-service';
import { createMemoryScanStore } from '../src/stocks/scans/scan-store';
import { createWechatPayClient, type WechatPayClient } from '../src/wechatpay/client';
import { createPacer, type Pacer } from '../src/wechatpay/pacer';

/** WeChat Pay's documented limits for the items endpoint. */
export const REAL_LIMITS = { perMinute: 1_000, perIpPerMinute: 200 };

export interface Rig {
  sandbox: RunningSandbox;
  client: WechatPayClient;
  pacer: Pacer;
  scans: ScanService;
  close(): Promise<void>;
}

/** `limits` apply to the sandbox AND the client's pacer, as in a console configured right. */
export async function startRig(
  clock: Clock,
  sandbox: Omit<SandboxOptions, 'limits' | 'clock'> = {},
  limits = REAL_LIMITS,
): Promise<Rig> {
  const running = await startSandbox({ port: 0, ...sandbox, clock, limits });
  const c = running.credentials;
  const pacer = createPacer({
    clock,
    limits: [
      { key: 'egress-ip', perMinute: limits.perIpPerMinute },
      { key: 'merchant', perMinute: limits.perMinute },
    ],
  });
  const client = createWechatPayClient({
    ...sandboxCredentials(running, 'public_key'),
    baseUrl: running.url,
    userAgent: 'coupon-coverage-console-bench/0.1.0 (node)',
    pacer,
    clock,
  });
  const scans = createScanService({
    client,
    merchantMchid: c.mchid,
    store: createMemoryScanStore({ clock, maxCodes: 10_000_000 }),
    clock,
    offsetMode: 'page',
  });
  return {
    sandbox: running,
    client,
    pacer,
    scans,
    async close() {
      await scans.close();
      await running.close();
    },
  };
}

/** Resolves with the scan once it has left `running`. */
export function settle(scan: Scan): Promise<Scan> {
  return new Promise((resolve) => {
    if (scan.state !== 'running') return resolve(scan);
    const stop = scan.subscribe(() => {
      if (scan.state === 'running') return;
      stop();
      resolve(scan);
    });
  });
}

export const target = (stockId: string, creator: string): ScanTarget => ({
  stockId,
  stockCreatorMchid: creator,
});
