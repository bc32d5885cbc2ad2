import type Redis from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { connectRedis, waitUntilReady } from '../../src/infra/redis/connection';
import { type RedisUnderTest, startRedis } from './redis-server';

/** A real redis-server for one test file, and two connections to it: two console replicas. */
export class RedisReplicas {
  private started?: { server: RedisUnderTest; a: Redis; b: Redis };
  private prefixes = 0;

  private get running() {
    if (!this.started) throw new Error('redis-server is not started yet (use it inside tests)');
    return this.started;
  }
  get server(): RedisUnderTest {
    return this.running.server;
  }
  get a(): Redis {
    return this.running.a;
  }
  get b(): Redis {
    return this.running.b;
  }
  /** A key prefix no other test of the file uses, so none sees another's keys. */
  freshPrefix(): string {
    this.prefixes += 1;
    return `ccc-test-${this.prefixes}:`;
  }

  async start(): Promise<void> {
    const server = await startRedis();
    const connect = () => connectRedis({ url: server.url, commandTimeoutMs: 500 });
    const [a, b] = [connect(), connect()];
    await Promise.all([waitUntilReady(a, 5_000), waitUntilReady(b, 5_000)]);
    this.started = { server, a, b };
  }

  async stop(): Promise<void> {
    const started = this.started;
    this.started = undefined;
    started?.a.disconnect();
    started?.b.disconnect();
    await started?.server.stop();
  }
}

/** Starts the server and both connections before the file's tests, stops them after. */
export function useRedisReplicas(): RedisReplicas {
  const replicas = new RedisReplicas();
  beforeAll(() => replicas.start());
  afterAll(() => replicas.stop());
  return replicas;
}
