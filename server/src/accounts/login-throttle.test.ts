import { describe, expect, it } from 'vitest';
import { manualClock } from '../sandbox/test-clock';
import { openMemoryDatabase } from './database';
import { createSqliteLoginThrottle } from './login-throttle';

const MINUTE = 60_000;

function setup() {
  const db = openMemoryDatabase();
  const clock = manualClock(1_700_000_000_000);
  return { db, clock, throttle: createSqliteLoginThrottle(db, clock) };
}

describe('login throttle', () => {
  it('locks a key after 5 failures in 15 minutes until the oldest leaves the window', async () => {
    const { throttle, clock } = setup();
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
    const { throttle, clock } = setup();
    for (let i = 0; i < 5; i += 1) await throttle.recordFailure(['ip:10.0.0.1']);
    clock.advance(5 * MINUTE);
    for (let i = 0; i < 5; i += 1) await throttle.recordFailure(['account:kim']);
    expect(await throttle.retryAfterSeconds(['account:lee'])).toBe(0);
    expect(await throttle.retryAfterSeconds(['account:kim', 'ip:10.0.0.1'])).toBe(15 * 60);
    expect(await throttle.retryAfterSeconds(['account:lee', 'ip:10.0.0.1'])).toBe(10 * 60);
  });

  it('forgets a key on clear, and keeps only hashes of the keys', async () => {
    const { throttle, db } = setup();
    for (let i = 0; i < 5; i += 1) await throttle.recordFailure(['account:typed-secret']);
    expect(JSON.stringify(db.prepare('SELECT * FROM login_failures').all())).not.toContain(
      'typed-secret',
    );
    await throttle.clear('account:typed-secret');
    expect(await throttle.retryAfterSeconds(['account:typed-secret'])).toBe(0);
  });

  it('keeps no failure older than the window', async () => {
    const { throttle, clock, db } = setup();
    await throttle.recordFailure(['ip:a']);
    clock.advance(16 * MINUTE);
    await throttle.recordFailure(['ip:b']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM login_failures').get()).toEqual({ n: 1 });
  });
});
