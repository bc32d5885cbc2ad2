import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test/support/manual-clock';
import { createPacer, type PacerPriority } from './pacer';
import { LOOKUP_HEAD_START } from './waiting-line';

// Budget 60 with a burst of 1 and no margins: one grant a second.
const SECOND = 1_000;

function harness(perMinute = 60) {
  const clock = manualClock(0, { sleeps: 'wait' });
  const pacer = createPacer({
    limits: [{ key: 'egress-ip', perMinute }],
    safetyMargin: 0,
    windowPaddingMs: 0,
    burst: 1,
    clock,
  });
  const granted: string[] = [];
  const ask = (requester: string, id: string, priority?: PacerPriority, signal?: AbortSignal) =>
    pacer.acquire({ requester, ...(priority ? { priority } : {}), signal }).then(() => {
      granted.push(id);
    });
  /** Queues `count` calls of one requester, named `${name}${i}`. */
  const flood = (name: string, count: number, priority?: PacerPriority) => {
    for (let i = 1; i <= count; i += 1) void ask(name, `${name}${i}`, priority);
  };
  const seconds = async (n: number) => {
    for (let i = 0; i < n; i += 1) await clock.advance(SECOND);
  };
  return { clock, pacer, granted, ask, flood, seconds };
}

describe('the fair line in front of the pacer', () => {
  it('serves requesters who all keep asking in turn (round-robin), FIFO within each', async () => {
    const { clock, granted, flood, seconds } = harness();
    flood('a', 3);
    flood('b', 3);
    flood('c', 3);
    await clock.advance(0);
    await seconds(8);
    expect(granted).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'c2', 'a3', 'b3', 'c3']);
  });

  it('gives a person who arrives during a flood the very next grants', async () => {
    const { clock, granted, flood, ask, seconds } = harness();
    flood('a', 40);
    await clock.advance(0);
    await seconds(20);
    expect(granted).toHaveLength(21);
    // Half an interval later, b reads three pages at once: nobody is served between them.
    await clock.advance(SECOND / 2);
    const read = Promise.all([ask('b', 'b1'), ask('b', 'b2'), ask('b', 'b3')]);
    await seconds(3);
    await read;
    expect(granted.slice(21)).toEqual(['b1', 'b2', 'b3']);
    // Without b's flood of its own, a is served again straight after.
    await seconds(1);
    expect(granted.at(-1)).toBe('a22');
  });

  it('forgives a flood: a minute later the flooder is served in turn with a newcomer', async () => {
    const { clock, granted, flood, seconds } = harness();
    flood('a', 30);
    await clock.advance(0);
    await seconds(29);
    expect(granted).toHaveLength(30);
    await seconds(100);
    flood('a', 2);
    flood('b', 2);
    await seconds(4);
    expect(granted.slice(30)).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('serves a person’s lookups before anyone’s scan pages, and their own scan after', async () => {
    const { clock, granted, flood, seconds } = harness();
    flood('scanner', 10, 'background');
    await clock.advance(0);
    await seconds(2);
    flood('viewer', 2);
    flood('viewer', 2, 'background');
    await seconds(4);
    // The lookups overtake the running scan; the viewer's own scan then takes turns with it.
    expect(granted.slice(3)).toEqual(['viewer1', 'viewer2', 'viewer1', 'scanner4']);
  });

  it('does not let one person’s stream of lookups hold every scan back', async () => {
    // WeChat Pay's pace (≈ 3 grants a second), where a script outruns any person.
    const { clock, granted, flood, seconds } = harness(200);
    flood('looker', 200);
    flood('scanner', 200, 'background');
    await clock.advance(0);
    await seconds(60);
    expect(granted).toHaveLength(201);
    // The lookups go first until their head start is used up, then both share the budget.
    expect(granted.slice(0, LOOKUP_HEAD_START).every((id) => id.startsWith('looker'))).toBe(true);
    const scanPages = granted.filter((id) => id.startsWith('scanner')).length;
    expect(scanPages).toBeGreaterThan(50);
    expect(scanPages).toBeLessThan(100);
  });

  it('drops an aborted waiter from its requester’s line without costing anyone a turn', async () => {
    const { clock, pacer, granted, ask, flood, seconds } = harness();
    flood('a', 2);
    const controller = new AbortController();
    const gone = ask('b', 'b1', 'interactive', controller.signal);
    flood('c', 1);
    await clock.advance(0);
    controller.abort(new Error('left the page'));
    await expect(gone).rejects.toThrow('left the page');
    expect(pacer.stats().queued).toBe(2);
    await seconds(2);
    expect(granted).toEqual(['a1', 'c1', 'a2']);
    await expect(
      pacer.acquire({ requester: 'b', signal: AbortSignal.abort(new Error('early')) }),
    ).rejects.toThrow('early');
  });
});
