import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test/support/manual-clock';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows perIpPerMinute from one IP, then refuses it but not another IP', () => {
    const limiter = new RateLimiter({ perMinute: 10, perIpPerMinute: 3 }, manualClock());
    expect([1, 2, 3, 4].map(() => limiter.admit('10.0.0.1'))).toEqual([true, true, true, false]);
    expect(limiter.admit('10.0.0.2')).toBe(true);
  });

  it('caps all sources together at perMinute', () => {
    const limiter = new RateLimiter({ perMinute: 4, perIpPerMinute: 3 }, manualClock());
    const ips = ['a', 'a', 'a', 'b', 'b', 'c'];
    expect(ips.map((ip) => limiter.admit(ip))).toEqual([true, true, true, true, false, false]);
  });

  it('slides: room comes back exactly 60 s after each admitted request, not at a minute boundary', () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter({ perMinute: 100, perIpPerMinute: 2 }, clock);
    expect(limiter.admit('ip')).toBe(true);
    clock.advance(30_000);
    expect(limiter.admit('ip')).toBe(true);
    clock.advance(29_999);
    expect(limiter.admit('ip')).toBe(false);
    clock.advance(1);
    expect(limiter.admit('ip')).toBe(true);
    expect(limiter.admit('ip')).toBe(false);
  });

  it('does not count refused requests against the budget', () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter({ perMinute: 100, perIpPerMinute: 1 }, clock);
    expect(limiter.admit('ip')).toBe(true);
    for (let i = 0; i < 50; i += 1) {
      clock.advance(1000);
      expect(limiter.admit('ip')).toBe(false);
    }
    clock.advance(10_000);
    expect(limiter.admit('ip')).toBe(true);
  });
});
