import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test/support/manual-clock';
import { call, itemsUrl, json, startTestSandbox, stockUrl } from '../../test/support/sandbox-http';
import { scaledClock } from '../lib/clock';

const ok = itemsUrl('16000003');

describe('rate limits of the items endpoint', () => {
  it('limits per IP and overall on sliding 60 s windows of the sandbox clock', async () => {
    const clock = manualClock();
    const sandbox = await startTestSandbox({ clock, limits: { perMinute: 5, perIpPerMinute: 3 } });
    const from = async (localAddress: string) =>
      (await call(sandbox, ok, { nowMs: clock.now(), localAddress })).status;
    try {
      expect([await from('127.0.0.1'), await from('127.0.0.1'), await from('127.0.0.1')]).toEqual([
        200, 200, 200,
      ]);
      const limited = await call(sandbox, ok, { nowMs: clock.now() });
      expect(limited.status).toBe(429);
      expect(json(limited)).toEqual({ code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' });
      // Another IP has its own budget, until the overall 5/min is spent.
      expect([await from('127.0.0.2'), await from('127.0.0.2'), await from('127.0.0.2')]).toEqual([
        200, 200, 429,
      ]);
      // Stock details and certificates are not limited.
      expect((await call(sandbox, stockUrl('16000003'), { nowMs: clock.now() })).status).toBe(200);
      clock.advance(60_001);
      expect(await from('127.0.0.1')).toBe(200);
      expect(sandbox.stats.calls({ status: 429 })).toBe(2);
    } finally {
      await sandbox.close();
    }
  });

  it('runs on a scaled clock: a minute passes in 600 ms at 100×', async () => {
    const clock = scaledClock(100);
    const sandbox = await startTestSandbox({
      clock,
      limits: { perMinute: 1000, perIpPerMinute: 2 },
    });
    const status = async () => (await call(sandbox, ok, { nowMs: clock.now() })).status;
    try {
      expect([await status(), await status(), await status()]).toEqual([200, 200, 429]);
      await clock.sleep(61_000);
      expect(await status()).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});
