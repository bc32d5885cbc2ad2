import { describe, expect, it } from 'vitest';
import type { Clock } from '../../lib/clock';
import { Scan } from '../scan';
import { createMemoryScanStore } from './scan-store';

function manualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, sleep: async () => {}, advance: (ms) => (now += ms) };
}

function scanWith(codes: number): Scan {
  const scan = new Scan({ stockId: 's', stockCreatorMchid: 'm' }, 0);
  scan.index.add(Array.from({ length: codes }, (_, i) => `c${i}`));
  return scan;
}

describe('createMemoryScanStore', () => {
  it('answers until the TTL passes, then forgets', async () => {
    const clock = manualClock();
    const store = createMemoryScanStore({ ttlMs: 60_000, clock });
    const scan = scanWith(3);
    expect(await store.set('k', scan)).toBe(clock.now() + 60_000);
    clock.advance(59_999);
    expect(await store.get('k')).toBe(scan);
    clock.advance(1);
    expect(await store.get('k')).toBeUndefined();
  });

  it('drops the least recently used scan when the codes held exceed the bound', async () => {
    const store = createMemoryScanStore({ maxCodes: 100, clock: manualClock() });
    await store.set('a', scanWith(40));
    await store.set('b', scanWith(40));
    await store.get('a');
    await store.set('c', scanWith(40));
    expect(await store.get('a')).toBeDefined();
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('c')).toBeDefined();
  });

  it('deletes on request', async () => {
    const store = createMemoryScanStore({ clock: manualClock() });
    await store.set('a', scanWith(1));
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
  });
});
