// Test-only: what every login throttle owes the console, run against each implementation.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THROTTLE,
  type LoginThrottle,
  type ThrottleLimits,
} from '../../src/accounts/store/login-throttle';
import type { Clock } from '../../src/lib/clock';
import { manualClock } from '../support/manual-clock';

const MINUTE = 60_000;

export interface LoginThrottleUnderTest {
  throttle: LoginThrottle;
  /** Everything the throttle holds, as text. */
  contents(): Promise<string>;
}

export function describeLoginThrottle(
  name: string,
  open: (clock: Clock, limits: ThrottleLimits) => Promise<LoginThrottleUnderTest>,
): void {
  async function setup(limits = DEFAULT_THROTTLE) {
    const clock = manualClock(1_700_000_000_000);
    return { clock, ...(await open(clock, limits)) };
  }

  describe(`login throttle in ${name}`, () => {
    it('locks a key after 5 failures in 15 minutes until the oldest leaves the window', async () => {
      const { throttle, clock } = await setup();
      for (let i = 0; i < 4; i += 1) {
        await throttle.recordFailure(['account:kim']);
        clock.advance(MINUTE);
      }
      expect(await throttle.retryAfterSeconds(['account:kim'])).toBe(0);
      await throttle.recordFailure(['account:kim']);
      // Failures at 0..4 min; now 4 min: the first leaves the window at 15 min.
      expect(await throttle.retryAfterSeconds(['account:kim'])).toBe(11 * 60);
      clock.advance(11 * MINUTE - 1000);
      expect(await throttle.retryAfterSeconds(['account:kim'])).toBe(1);
      clock.advance(1000);
      expect(await throttle.retryAfterSeconds(['account:kim'])).toBe(0);
    });

    it('counts keys apart and reports the longest wait among them', async () => {
      const { throttle, clock } = await setup();
      for (let i = 0; i < 5; i += 1) await throttle.recordFailure(['ip:10.0.0.1']);
      clock.advance(5 * MINUTE);
      for (let i = 0; i < 5; i += 1) await throttle.recordFailure(['account:kim', 'ip:10.0.0.2']);
      expect(await throttle.retryAfterSeconds(['account:lee'])).toBe(0);
      expect(await throttle.retryAfterSeconds([])).toBe(0);
      expect(await throttle.retryAfterSeconds(['ip:10.0.0.2'])).toBe(15 * 60);
      expect(await throttle.retryAfterSeconds(['account:kim', 'ip:10.0.0.1'])).toBe(15 * 60);
      expect(await throttle.retryAfterSeconds(['account:lee', 'ip:10.0.0.1'])).toBe(10 * 60);
    });

    it('slides: failures that left the window no longer count', async () => {
      const { throttle, clock } = await setup();
      for (let i = 0; i < 3; i += 1) await throttle.recordFailure(['ip:a']);
      clock.advance(10 * MINUTE);
      for (let i = 0; i < 2; i += 1) await throttle.recordFailure(['ip:a']);
      expect(await throttle.retryAfterSeconds(['ip:a'])).toBe(5 * 60);
      clock.advance(5 * MINUTE);
      // The first three left; the two at 10 min remain.
      expect(await throttle.retryAfterSeconds(['ip:a'])).toBe(0);
      for (let i = 0; i < 2; i += 1) await throttle.recordFailure(['ip:a']);
      expect(await throttle.retryAfterSeconds(['ip:a'])).toBe(0);
      await throttle.recordFailure(['ip:a']);
      // Five failures since 10 min: locked until 25 min; now 15 min.
      expect(await throttle.retryAfterSeconds(['ip:a'])).toBe(10 * 60);
    });

    it('forgets a key on clear, and keeps only hashes of the keys', async () => {
      const { throttle, contents } = await setup();
      for (let i = 0; i < 5; i += 1) {
        await throttle.recordFailure(['account:typed-secret', 'ip:192.0.2.1']);
      }
      expect(await contents()).not.toContain('typed-secret');
      await throttle.clear('account:typed-secret');
      expect(await throttle.retryAfterSeconds(['account:typed-secret'])).toBe(0);
      expect(await throttle.retryAfterSeconds(['ip:192.0.2.1'])).toBe(15 * 60);
    });

    it('follows the limits it is given', async () => {
      const { throttle, clock } = await setup({ maxFailures: 2, windowMs: MINUTE });
      await throttle.recordFailure(['account:kim']);
      expect(await throttle.retryAfterSeconds(['account:kim'])).toBe(0);
      clock.advance(20_000);
      await throttle.recordFailure(['account:kim']);
      expect(await throttle.retryAfterSeconds(['account:kim'])).toBe(40);
    });
  });
}
