// Test-only: the console's pacer at WeChat Pay's real pace, noting who is granted in what order,
// so a suite can count the grants that went to others while someone waited.
import type { Clock } from '../../src/lib/clock';
import {
  bucketParameters,
  createPacer,
  type Pacer,
  type PacerLimit,
  type PacerPriority,
} from '../../src/wechatpay/pacer';

export type Grant = {
  requester: string;
  priority: PacerPriority;
  /** How many grants had been made when this call asked: its index minus this is who went first. */
  asked: number;
  askedAt: number;
  at: number;
};

export function grantLog(clock: Clock, perIpPerMinute = 200) {
  const limits: PacerLimit[] = [
    { key: 'egress-ip', perMinute: perIpPerMinute },
    { key: 'merchant', perMinute: perIpPerMinute * 5 },
  ];
  const inner = createPacer({ clock, limits });
  const grants: Grant[] = [];
  const waiting = new Map<string, number>();
  const mostWaiting = new Map<string, number>();
  const slot = (requester: string, priority: PacerPriority) => `${requester} ${priority}`;
  const pacer: Pacer = {
    async acquire(options = {}) {
      const { requester = '', priority = 'interactive' } = options;
      const key = slot(requester, priority);
      const asked = grants.length;
      const askedAt = clock.now();
      const now = (waiting.get(key) ?? 0) + 1;
      waiting.set(key, now);
      mostWaiting.set(key, Math.max(now, mostWaiting.get(key) ?? 0));
      try {
        await inner.acquire(options);
      } finally {
        waiting.set(key, (waiting.get(key) ?? 1) - 1);
      }
      grants.push({ requester, priority, asked, askedAt, at: clock.now() });
    },
    stats: () => inner.stats(),
  };
  const { perMs } = bucketParameters(limits[0] as PacerLimit, {});
  return {
    pacer,
    grants,
    /** The steady time between two grants (≈ 316 ms at 200/min). */
    intervalMs: 1 / perMs,
    waitingNow: (requester: string, priority: PacerPriority) =>
      waiting.get(slot(requester, priority)) ?? 0,
    mostWaiting: (requester: string, priority: PacerPriority) =>
      mostWaiting.get(slot(requester, priority)) ?? 0,
  };
}
