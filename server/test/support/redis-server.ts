import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { freePort } from './processes';

const REDIS_SERVER = '/usr/bin/redis-server';

export interface RedisUnderTest {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Stops the server (SIGKILL: nothing is persisted anyway) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty: an outage that ends. */
  restart(): Promise<void>;
}

/** Resolves once something accepts TCP connections on the port. */
async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`);
}

/**
 * A real redis-server for one test file, on a free loopback port, persisting nothing. `npm test`
 * installs Debian's redis-server when it is missing (e2e/scripts/ensure-system-packages.mjs).
 */
export async function startRedis(options: { password?: string } = {}): Promise<RedisUnderTest> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} is missing: run \`apt-get install -y redis-server\` as root`);
  }
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(
      REDIS_SERVER,
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        ...(options.password ? ['--requirepass', options.password] : []),
      ],
      { stdio: 'ignore' },
    );
    await waitForPort(port);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    url: options.password
      ? `redis://:${encodeURIComponent(options.password)}@127.0.0.1:${port}`
      : `redis://127.0.0.1:${port}`,
    port,
    stop,
    async restart() {
      await stop();
      await launch();
    },
  };
}
