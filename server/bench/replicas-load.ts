// Row 7: cached page lookups through one replica vs two replicas sharing Redis (sessions, budget)
// and PostgreSQL (audit), against one replica on its own (memory + SQLite) measured in the same
// run. The same 10 connections in total each time; with two replicas they are split between them,
// as a round-robin load balancer would. Everything runs on this machine's loopback.

import autocannon from 'autocannon';
import { type PostgresUnderTest, startPostgres } from '../test/support/postgres-server';
import { type RedisUnderTest, startRedis } from '../test/support/redis-server';
import { type ConsoleTab, signInTab, startCluster } from '../test/support/replica-cluster';
import { CREATOR } from '../test/support/scan-progress';
import { type BenchRow, fmt } from './results';

const DURATION_S = Number(process.env.BENCH_REPLICAS_SECONDS ?? 30);
const CONNECTIONS = 10;
const LOOKUP = `/api/stocks/16000005/items?stock_creator_mchid=${CREATOR}&offset=0&limit=100`;

type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

async function hammer(tab: ConsoleTab, connections: number, seconds: number): Promise<Load> {
  const result = await autocannon({
    url: `${tab.base}${LOOKUP}`,
    connections,
    duration: seconds,
    headers: { cookie: tab.cookie },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The same load split evenly over the replicas at once; rps add up, p99 is the worst one. */
async function measure(tabs: ConsoleTab[], seconds: number): Promise<Load> {
  // The first lookup on each replica reaches WeChat Pay (the sandbox); the rest are cache hits.
  for (const tab of tabs) {
    const first = await fetch(`${tab.base}${LOOKUP}`, { headers: { cookie: tab.cookie } });
    if (!first.ok) throw new Error(`first lookup on ${tab.base}: ${first.status}`);
  }
  const each = await Promise.all(
    tabs.map((tab) => hammer(tab, CONNECTIONS / tabs.length, seconds)),
  );
  return {
    rps: each.reduce((sum, l) => sum + l.rps, 0),
    p50: Math.max(...each.map((l) => l.p50)),
    p99: Math.max(...each.map((l) => l.p99)),
    non2xx: each.reduce((sum, l) => sum + l.non2xx, 0),
    errors: each.reduce((sum, l) => sum + l.errors, 0),
  };
}

async function measureCluster(
  replicas: number,
  shared?: { redis: RedisUnderTest; postgres: PostgresUnderTest },
): Promise<Load> {
  const cluster = await startCluster({
    replicas,
    ...(shared
      ? { redisUrl: shared.redis.url, databaseUrl: await shared.postgres.createDatabase() }
      : {}),
    env: { API_RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  try {
    const tabs: ConsoleTab[] = [];
    for (const replica of cluster.replicas) {
      // Shared sessions: one sign-in serves both replicas; on its own, each needs its own.
      const reuse = shared && tabs[0];
      const signed = reuse
        ? { tab: { ...reuse, base: replica.url } }
        : await signInTab(replica.url);
      if (!signed.tab) throw new Error(`sign-in on ${replica.url} failed`);
      tabs.push(signed.tab);
    }
    await measure(tabs, Math.min(5, DURATION_S)); // warm-up, not reported
    return await measure(tabs, DURATION_S);
  } finally {
    await cluster.stop();
  }
}

const describeLoad = (l: Load) => `${fmt(l.rps, 0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms`;

export async function replicaRows(): Promise<BenchRow[]> {
  const alone = await measureCluster(1);
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  try {
    const one = await measureCluster(1, { redis, postgres });
    const two = await measureCluster(2, { redis, postgres });
    const clean = [alone, one, two].every((l) => l.non2xx === 0 && l.errors === 0);
    const note = clean ? 'all 2xx' : 'some non-2xx or errors: figures void';
    return [
      {
        id: '7a',
        what: `cached page lookups, one replica on Redis + PostgreSQL, ${CONNECTIONS} connections, ${DURATION_S} s`,
        ours: describeLoad(one),
        baseline: `one replica on memory + SQLite: ${describeLoad(alone)}`,
        ratio: `${fmt(one.rps / alone.rps)}× rps`,
        target: '(reported)',
        met: null,
        note,
      },
      {
        id: '7b',
        what: `cached page lookups, two replicas sharing Redis + PostgreSQL, ${CONNECTIONS} connections split, ${DURATION_S} s`,
        ours: describeLoad(two),
        baseline: `one replica on Redis + PostgreSQL: ${describeLoad(one)}`,
        ratio: `${fmt(two.rps / one.rps)}× rps`,
        target: '(reported; 2 cores shared by replicas, Redis, PostgreSQL and the load)',
        met: null,
        note,
      },
    ];
  } finally {
    await Promise.all([redis.stop(), postgres.stop()]);
  }
}

// `pnpm --filter server bench:replicas` runs this row alone and prints it.
if (process.argv[1]?.endsWith('replicas-load.ts')) {
  const { formatTable } = await import('./results');
  console.log(formatTable(await replicaRows()));
}
