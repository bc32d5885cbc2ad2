import { setTimeout as delay } from 'node:timers/promises';
import type Redis from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RedisUnderTest, startRedis } from '../../../test/support/redis-server';
import type { Pacer, PacerLimit, PacerOptions, PacerPriority } from '../../wechatpay/pacer';
import { connectRedis, waitUntilReady } from './connection';
import { createRedisPacer } from './pacer';

const UNAVAILABLE = { name: 'StoreUnavailableError', store: 'Redis' };

async function connect(url: string): Promise<Redis> {
  const redis = connectRedis({ url, commandTimeoutMs: 500 });
  expect(await waitUntilReady(redis, 5_000)).toBe(true);
  return redis;
}

let run = 0;
/** A console replica's pacer; each test has its own prefix, so no budget leaks between tests. */
function replica(
  redis: Redis,
  limits: PacerLimit[],
  extra: Pick<PacerOptions, 'burst'> = {},
): Pacer {
  return createRedisPacer({
    redis,
    prefix: `t${run}:`,
    limits,
    safetyMargin: 0,
    windowPaddingMs: 0,
    ...extra,
  });
}

/** Queues one acquire per id, recording who is granted when; `withdraw()` aborts the rest. */
function queue(pacer: Pacer, ids: string[], priority?: PacerPriority) {
  const withdrawn = new Error('withdrawn');
  const controllers = ids.map(() => new AbortController());
  const granted: { id: string; at: number }[] = [];
  const settled = ids.map((id, i) =>
    pacer.acquire({ signal: controllers[i]?.signal, ...(priority ? { priority } : {}) }).then(
      () => {
        granted.push({ id, at: performance.now() });
      },
      (reason: unknown) => {
        if (reason !== withdrawn) throw reason;
      },
    ),
  );
  return {
    granted,
    settled,
    async withdraw() {
      for (const controller of controllers) controller.abort(withdrawn);
      await Promise.all(settled);
    },
  };
}

const ids = (name: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${name}-${i}`);

describe('the Redis pacer', () => {
  let server: RedisUnderTest;
  let first: Redis;
  let second: Redis;
  beforeAll(async () => {
    server = await startRedis();
    first = await connect(server.url);
    second = await connect(server.url);
  });
  afterAll(async () => {
    first?.disconnect();
    second?.disconnect();
    await server?.stop();
  });
  beforeEach(() => {
    run += 1;
  });

  it('makes two replicas share one budget: together they get what one gets alone', async () => {
    // 600/min with a burst of 5: five at once, then 596 a minute (one every ~101 ms).
    const rule = { perMinute: 600 };
    const perMs = (600 - 5 + 1) / 60_000;
    const start = performance.now();
    const alone = queue(
      replica(first, [{ key: 'egress:alone', ...rule }], { burst: 5 }),
      ids('c', 80),
    );
    const shared = [{ key: 'egress:shared', ...rule }];
    const a = queue(replica(first, shared, { burst: 5 }), ids('a', 80));
    const b = queue(replica(second, shared, { burst: 5 }), ids('b', 80));
    await delay(2_000);
    await Promise.all([alone.withdraw(), a.withdraw(), b.withdraw()]);

    const together = [...a.granted, ...b.granted];
    const lastShared = Math.max(...together.map((g) => g.at));
    // Every grant fell inside [start, lastShared]: one bucket allows no more than this there.
    expect(together.length).toBeLessThanOrEqual(5 + perMs * (lastShared - start));
    const lastAlone = Math.max(...alone.granted.map((g) => g.at));
    const oneBudget = 5 + perMs * (lastAlone - start);
    expect(alone.granted.length).toBeLessThanOrEqual(oneBudget);
    expect(alone.granted.length).toBeGreaterThan(0.8 * oneBudget);
    // The shared budget is used in full, yet neither replica got a budget of its own.
    expect(together.length).toBeGreaterThan(0.8 * oneBudget);
    expect(a.granted.length).toBeGreaterThan(0);
    expect(b.granted.length).toBeGreaterThan(0);
  });

  it('serves a lookup before a scan within a replica, FIFO within each priority', async () => {
    const pacer = replica(first, [{ key: 'egress:order', perMinute: 600 }], { burst: 1 });
    const scans = queue(pacer, ids('scan', 5), 'background');
    await scans.settled[0];
    // The lookups arrive while the scan waits for its next token (~100 ms away).
    const lookups = queue(pacer, ['lookup-a', 'lookup-b']);
    await scans.settled[1];
    await scans.withdraw();
    const order = [...scans.granted, ...lookups.granted].sort((x, y) => x.at - y.at);
    expect(order.map((g) => g.id)).toEqual(['scan-0', 'lookup-a', 'lookup-b', 'scan-1']);
  });

  it('gives a person arriving during another’s flood the next grants, within a replica', async () => {
    const pacer = replica(first, [{ key: 'egress:fair', perMinute: 600 }], { burst: 1 });
    const granted: string[] = [];
    const ask = (requester: string, id: string) =>
      pacer.acquire({ requester }).then(() => {
        granted.push(id);
      });
    const flood = ids('a', 20).map((id) => ask('user:a', id));
    await Promise.all(flood.slice(0, 5));
    // A 3-page read while the flood still has 15 in line: nobody is served between its pages.
    const before = granted.length;
    await Promise.all(['b-0', 'b-1', 'b-2'].map((id) => ask('user:b', id)));
    expect(granted.slice(before)).toEqual(['b-0', 'b-1', 'b-2']);
    await Promise.all(flood);
    expect(granted).toHaveLength(23);
  });

  it('drops an aborted waiter without disturbing the others', async () => {
    const pacer = replica(first, [{ key: 'egress:abort', perMinute: 600 }], { burst: 1 });
    const granted: string[] = [];
    const request = (id: string, signal?: AbortSignal) =>
      pacer.acquire({ priority: 'background', signal }).then(() => {
        granted.push(id);
      });
    const controller = new AbortController();
    const waiting = [request('0'), request('1')];
    const aborted = request('2', controller.signal);
    waiting.push(request('3'));
    await waiting[0];
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(pacer.stats().queued).toBe(2);
    await Promise.all(waiting);
    expect(granted).toEqual(['0', '1', '3']);
    expect(pacer.stats()).toEqual({ queued: 0, granted: 3 });
    await expect(pacer.acquire({ signal: AbortSignal.abort(new Error('early')) })).rejects.toThrow(
      'early',
    );
  });

  it('never grants one token twice: 50 acquires at once across ten replicas', async () => {
    // A burst of 10, then the 11th token only after 60 s / 51 ≈ 1.2 s. Ten replicas on two
    // connections ask Redis concurrently.
    const limits = [{ key: 'egress:crowd', perMinute: 60 }];
    const crowd = Array.from({ length: 10 }, (_, r) =>
      queue(replica(r % 2 ? first : second, limits, { burst: 10 }), ids(`r${r}`, 5)),
    );
    await delay(500);
    await Promise.all(crowd.map((replicaQueue) => replicaQueue.withdraw()));
    expect(crowd.flatMap((replicaQueue) => replicaQueue.granted)).toHaveLength(10);
  });

  it('keeps limit keys apart, and takes from none unless every one has a token', async () => {
    const slow = { perMinute: 60 };
    const egressA = queue(
      replica(first, [{ key: 'egress:A', ...slow }], { burst: 2 }),
      ids('A', 3),
    );
    await Promise.all(egressA.settled.slice(0, 2));
    // egress A is empty now; egress B is a budget of its own.
    const egressB = queue(
      replica(second, [{ key: 'egress:B', ...slow }], { burst: 2 }),
      ids('B', 2),
    );
    await Promise.all(egressB.settled);
    // A call through egress A for merchant M must wait, and leave M's bucket untouched meanwhile.
    const both = [
      { key: 'egress:A', ...slow },
      { key: 'merchant:M', ...slow },
    ];
    const blocked = queue(replica(second, both, { burst: 2 }), ['A+M']);
    await delay(300);
    expect(blocked.granted).toEqual([]);
    const merchant = queue(
      replica(first, [{ key: 'merchant:M', ...slow }], { burst: 2 }),
      ids('M', 2),
    );
    await delay(200);
    expect(merchant.granted).toHaveLength(2);
    expect(egressA.granted).toHaveLength(2);
    await Promise.all([egressA.withdraw(), blocked.withdraw()]);
  });
});

describe('the Redis pacer while Redis is away', () => {
  let server: RedisUnderTest;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = await connect(server.url);
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it('turns every waiter away, grants nothing, and recovers when Redis is back', async () => {
    const pacer = createRedisPacer({
      redis,
      prefix: 'outage:',
      limits: [{ key: 'egress:default', perMinute: 60 }],
      burst: 1,
    });
    await pacer.acquire();
    const waiting = [pacer.acquire(), pacer.acquire({ priority: 'background' }), pacer.acquire()];
    const outcomes = waiting.map((p) =>
      p.then(
        () => 'granted',
        (error: unknown) => error,
      ),
    );
    const stoppedAt = performance.now();
    await server.stop();
    for (const outcome of await Promise.all(outcomes)) expect(outcome).toMatchObject(UNAVAILABLE);
    expect(performance.now() - stoppedAt).toBeLessThan(1_000);

    const askedAt = performance.now();
    await expect(pacer.acquire()).rejects.toMatchObject(UNAVAILABLE);
    expect(performance.now() - askedAt).toBeLessThan(200);
    expect(pacer.stats()).toEqual({ queued: 0, granted: 1 });

    await server.restart();
    expect(await waitUntilReady(redis, 5_000)).toBe(true);
    await pacer.acquire();
    expect(pacer.stats()).toEqual({ queued: 0, granted: 2 });
  });
});
