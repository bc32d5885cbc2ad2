import { describe, expect, it } from 'vitest';
import { describeLoginThrottle } from '../../../test/conformance/login-throttle.suite';
import { manualClock } from '../../../test/support/manual-clock';
import { openMemoryDatabase } from '../../runtime/console-database';
import { createSqliteLoginThrottle } from './login-throttle';

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
