// Test-only: what every login throttle owes the console, run against each implementation.
import { describe, expect, it } from 'vitest';
import type { LoginThrottle, Reservation } from '../../src/accounts/store/login-throttle';
import {
  type AttemptSource,
  DEFAULT_THROTTLE,
  type ThrottleLimits,
} from '../../src/accounts/throttle-rule';
import type { Clock } from '../../src/lib/clock';
import { manualClock } from '../support/manual-clock';

const MINUTE = 60_000;

export interface LoginThrottleUnderTest {
  throttle: LoginThrottle;
  /** Everything the throttle holds, as text. */
  contents(): Promise<string>;
}

const from = (account: string, address: string): AttemptSource => ({ account, address });
const waitOf = (r: Reservation) => (r.ok ? 0 : r.retryAfterSeconds);

export function describeLoginThrottle(
  name: string,
  open: (clock: Clock, limits: ThrottleLimits) => Promise<LoginThrottleUnderTest>,
): void {
  async function setup(limits = DEFAULT_THROTTLE) {
    const clock = manualClock(1_700_000_000_000);
    const under = await open(clock, limits);
    // Each reserve is a failure unless released: as a wrong password leaves it.
    const fail = async (source: AttemptSource) => waitOf(await under.throttle.reserve(source));
    return { clock, fail, ...under };
  }

  describe(`login throttle in ${name}`, () => {
    it('holds a pair back after 5 attempts in 15 minutes until the oldest leaves the window', async () => {
      const { fail, clock } = await setup();
      const kim = from('kim', '10.0.0.1');
      for (let i = 0; i < 5; i += 1) {
        expect(await fail(kim)).toBe(0);
        clock.advance(MINUTE);
      }
      // Attempts at 0..4 min; now 5 min: the first leaves the window at 15 min.
      expect(await fail(kim)).toBe(10 * 60);
      clock.advance(10 * MINUTE - 1000);
      expect(await fail(kim)).toBe(1);
      clock.advance(1000);
      expect(await fail(kim)).toBe(0);
    });

    it('does not slow the account elsewhere for attempts from one address', async () => {
      const { fail } = await setup();
      for (let i = 0; i < 30; i += 1) await fail(from('kim', '10.6.6.6'));
      expect(await fail(from('kim', '10.0.0.1'))).toBe(0);
      expect(await fail(from('kim', '10.6.6.6'))).toBe(15 * 60);
    });

    it('holds an address back after 20 attempts, whatever names it tries', async () => {
      const { fail, clock } = await setup();
      for (let i = 0; i < 20; i += 1) expect(await fail(from(`name-${i}`, '192.0.2.7'))).toBe(0);
      clock.advance(MINUTE);
      expect(await fail(from('someone-else', '192.0.2.7'))).toBe(14 * 60);
      expect(await fail(from('someone-else', '192.0.2.8'))).toBe(0);
    });

    it('slows an account failed from 5 addresses by 2, 4, 8… seconds per further one, never locks it', async () => {
      const { fail, clock } = await setup();
      for (let i = 0; i < 5; i += 1) expect(await fail(from('kim', `10.0.0.${i}`))).toBe(0);
      expect(await fail(from('kim', '10.0.1.1'))).toBe(2);
      clock.advance(2000);
      expect(await fail(from('kim', '10.0.1.2'))).toBe(0);
      expect(await fail(from('kim', '10.0.1.3'))).toBe(4);
      for (const wait of [4, 8, 16, 32, 60, 60]) {
        clock.advance(wait * 1000);
        expect(await fail(from('kim', `10.0.2.${wait}`))).toBe(0);
      }
      // Capped: a refused attempt adds nothing, so the wait never grows past the cap.
      expect(await fail(from('kim', '10.0.3.1'))).toBe(60);
      clock.advance(59_000);
      expect(await fail(from('kim', '10.0.3.2'))).toBe(1);
      // Another account is not slowed by kim's attackers.
      expect(await fail(from('lee', '10.0.3.3'))).toBe(0);
    });

    it('reserves atomically: of 30 attempts at once, exactly 5 go through', async () => {
      const { throttle } = await setup();
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => throttle.reserve(from('kim', '10.9.9.9'))),
      );
      expect(answers.filter((a) => a.ok)).toHaveLength(5);
    });

    it('a release counts for nothing; a success forgets the pair and the account', async () => {
      const { throttle, fail, clock } = await setup();
      const kim = from('kim', '10.0.0.1');
      for (let i = 0; i < 4; i += 1) await fail(kim);
      const unverified = await throttle.reserve(kim);
      if (!unverified.ok) throw new Error('expected a reservation');
      await throttle.release(kim, unverified.ticket);
      const right = await throttle.reserve(kim);
      if (!right.ok) throw new Error('expected a reservation');
      await throttle.succeeded(kim, right.ticket);
      clock.advance(1000);
      for (let i = 0; i < 5; i += 1) expect(await fail(kim)).toBe(0);
      // The address still remembers the failures (4 + 5), not the released or right attempts.
      for (let i = 0; i < 11; i += 1) expect(await fail(from(`n${i}`, '10.0.0.1'))).toBe(0);
      expect(await fail(from('n-last', '10.0.0.1'))).toBeGreaterThan(0);
    });

    it('keeps only hashes of the names and addresses', async () => {
      const { fail, contents } = await setup();
      await fail(from('typed-secret', '192.0.2.1'));
      const text = await contents();
      expect(text).not.toContain('typed-secret');
      expect(text).not.toContain('192.0.2.1');
    });
  });
}
