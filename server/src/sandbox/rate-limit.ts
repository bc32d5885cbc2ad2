import type { Clock } from '../lib/clock';

export interface RateLimits {
  perMinute: number;
  perIpPerMinute: number;
}

export const DEFAULT_LIMITS: RateLimits = { perMinute: 1000, perIpPerMinute: 200 };
const WINDOW_MS = 60_000;

/** Arrival times of admitted requests within the last 60 s (a true sliding window, not buckets). */
class SlidingWindow {
  private readonly times: number[] = [];

  constructor(private readonly limit: number) {}

  hasRoom(now: number): boolean {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - WINDOW_MS) this.times.shift();
    return this.times.length < this.limit;
  }

  add(now: number): void {
    this.times.push(now);
  }
}

/**
 * The items endpoint's limits (接口频率): perMinute whatever the source and perIpPerMinute per
 * client IP, on the injected clock. Only admitted requests count: a 429 spends no budget.
 */
export class RateLimiter {
  private readonly all: SlidingWindow;
  private readonly perIp = new Map<string, SlidingWindow>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {
    this.all = new SlidingWindow(limits.perMinute);
  }

  /** True when the request may proceed (and is then counted); false means answer 429. */
  admit(ip: string): boolean {
    const now = this.clock.now();
    let ipWindow = this.perIp.get(ip);
    if (!ipWindow) {
      ipWindow = new SlidingWindow(this.limits.perIpPerMinute);
      this.perIp.set(ip, ipWindow);
    }
    if (!this.all.hasRoom(now) || !ipWindow.hasRoom(now)) return false;
    this.all.add(now);
    ipWindow.add(now);
    return true;
  }
}
