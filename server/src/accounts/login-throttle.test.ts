import { describe, expect, it } from 'vitest';
import { manualClock } from '../sandbox/test-clock';
import { openMemoryDatabase } from './database';
import { createSqliteLoginThrottle } from './login-throttle';
import { describeLoginThrottle } from './login-throttle.contract';

const MINUTE = 60_000;

describeLoginThrottle('SQLite', async (clock, limits) => {
  const db = openMemoryDatabase();
  return {
    throttle: createSqliteLoginThrottle(db, clock, limits),
    contents: async () => JSON.stringify(db.prepare('SELECT * FROM login_attempts').all()),
  };
});

describe('login throttle in SQLite', () => {
  it('keeps no attempt older than the window', async () => {
    const db = openMemoryDatabase();
    const clock = manualClock(1_700_000_000_000);
    const throttle = createSqliteLoginThrottle(db, clock);
    await throttle.reserve({ account: 'a', address: 'ip-a' });
    clock.advance(16 * MINUTE);
    await throttle.reserve({ account: 'b', address: 'ip-b' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM login_attempts').get()).toEqual({ n: 3 });
  });
});
