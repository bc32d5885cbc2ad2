import { afterAll, beforeAll } from 'vitest';
import { type PostgresUnderTest, startPostgres } from './postgres-server';
import { type RedisUnderTest, startRedis } from './redis-server';
import { type Cluster, type ClusterOptions, startCluster } from './replica-cluster';

/** A deployment for one test file: real Redis and PostgreSQL, and replicas sharing them. */
export interface ClusterUnderTest {
  readonly redis: RedisUnderTest;
  readonly postgres: PostgresUnderTest;
  readonly cluster: Cluster;
  /** The n-th replica's base URL. */
  url(n: number): string;
}

/**
 * Starts a redis-server, a PostgreSQL and the replicas before the file's tests and stops them
 * after. `options` are startCluster's, less the stores' URLs.
 */
export function useCluster(
  options: Omit<ClusterOptions, 'redisUrl' | 'databaseUrl'>,
  onStop?: () => void,
): ClusterUnderTest {
  let started: { redis: RedisUnderTest; postgres: PostgresUnderTest; cluster: Cluster } | undefined;
  const running = () => {
    if (!started) throw new Error('the cluster is not started yet (use it inside tests)');
    return started;
  };
  beforeAll(async () => {
    const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    const cluster = await startCluster({
      ...options,
      redisUrl: redis.url,
      databaseUrl: postgres.url,
    });
    started = { redis, postgres, cluster };
  }, 90_000);
  afterAll(async () => {
    onStop?.();
    const stopping = started;
    started = undefined;
    await stopping?.cluster.stop();
    await Promise.all([stopping?.redis.stop(), stopping?.postgres.stop()]);
  }, 30_000);
  return {
    get redis() {
      return running().redis;
    },
    get postgres() {
      return running().postgres;
    },
    get cluster() {
      return running().cluster;
    },
    url(n) {
      const replica = running().cluster.replicas[n];
      if (!replica) throw new Error(`no replica ${n}`);
      return replica.url;
    },
  };
}
