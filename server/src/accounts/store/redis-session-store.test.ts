import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { describeSessionStore } from '../../../test/conformance/session-store.suite';
import { manualClock } from '../../../test/support/manual-clock';
import { useRedisReplicas } from '../../../test/support/redis-replicas';
import { systemClock } from '../../lib/clock';
import { createSessions, hashSessionId } from '../sessions';
import { redisContents } from './redis-contents';
import { createRedisSessionStore } from './redis-session-store';

const MINUTE = 60_000;

// Two connections to one real redis-server: two replicas of the console.
const replicas = useRedisReplicas();

describeSessionStore('Redis', async (clock) => {
  const prefix = replicas.freshPrefix();
  return {
    store: createRedisSessionStore(replicas.a, prefix, clock),
    contents: () => redisContents(replicas.a, prefix),
  };
});

describe('sessions in Redis', () => {
  it('are shared by replicas: one signs in, another serves and renews, a third ends them all', async () => {
    const prefix = replicas.freshPrefix();
    const clock = manualClock(1_700_000_000_000);
    const onA = createSessions(createRedisSessionStore(replicas.a, prefix, clock), clock);
    const onB = createSessions(createRedisSessionStore(replicas.b, prefix, clock), clock);
    const first = await onA.start(7);
    const second = await onA.start(7);
    clock.advance(20 * MINUTE);
    expect(await onB.resume(first.id)).toMatchObject({ userId: 7, lastSeenAt: clock.now() });
    clock.advance(20 * MINUTE);
    // Renewed on B, so still alive on A 40 minutes after sign-in; the other one idled out.
    expect(await onA.resume(first.id)).toBeDefined();
    expect(await onA.resume(second.id)).toBeUndefined();
    const third = await onB.start(7);
    expect(await onA.endAllForUser(7)).toBe(2);
    expect(await onB.resume(first.id)).toBeUndefined();
    expect(await onB.resume(third.id)).toBeUndefined();
  });

  it('expire in Redis with the time they have left, and a renewal extends it', async () => {
    const prefix = replicas.freshPrefix();
    // A clock years behind Redis's: the time left counts, not the date.
    const clock = manualClock(Date.parse('2020-01-01T00:00:00Z'));
    const store = createRedisSessionStore(replicas.a, prefix, clock);
    const now = clock.now();
    const session = { userId: 3, csrfToken: 't', createdAt: now, lastSeenAt: now };
    await store.set({ ...session, idHash: 'h', expiresAt: now + MINUTE });
    const keys = [`${prefix}session:h`, `${prefix}user-sessions:3`];
    for (const key of keys) {
      expect(await replicas.a.pttl(key)).toBeGreaterThan(MINUTE - 5_000);
      expect(await replicas.a.pttl(key)).toBeLessThanOrEqual(MINUTE);
    }
    await store.touch('h', now, now + 30 * MINUTE);
    for (const key of keys) expect(await replicas.a.pttl(key)).toBeGreaterThan(29 * MINUTE);
  });

  it('are dropped by Redis itself once timed out, and left out of the next sign-in', async () => {
    const prefix = replicas.freshPrefix();
    const store = createRedisSessionStore(replicas.a, prefix, systemClock);
    const brief = createSessions(store, systemClock, { idleMs: 300, absoluteMs: 1_000 });
    const usual = createSessions(store, systemClock);
    await brief.start(4);
    await sleep(400);
    expect(await replicas.a.keys(`${prefix}*`)).toEqual([]);

    const kept = await usual.start(5);
    await brief.start(5);
    await sleep(400);
    const latest = await usual.start(5);
    expect((await replicas.a.smembers(`${prefix}user-sessions:5`)).sort()).toEqual(
      [hashSessionId(kept.id), hashSessionId(latest.id)].sort(),
    );
  });

  it('refuse what they did not write instead of trusting it', async () => {
    const prefix = replicas.freshPrefix();
    const store = createRedisSessionStore(replicas.a, prefix, systemClock);
    await replicas.a.hset(`${prefix}session:forged`, { userId: 'admin', csrfToken: 'x' });
    await expect(store.get('forged')).rejects.toThrow(/userId/);
  });
});
