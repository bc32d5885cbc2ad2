import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './processes';

const POSTGRES_ROOT = '/usr/lib/postgresql';
const run = promisify(execFile);

export interface PostgresUnderTest {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A new empty database on this server, for a test that wants its own. */
  createDatabase(): Promise<string>;
  /** Stops the server (fast shutdown: every connection is ended) and waits until it is down. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data: an outage that ends. */
  restart(): Promise<void>;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
}

/** The newest installed PostgreSQL's bin directory. */
function binDir(): string {
  const versions = existsSync(POSTGRES_ROOT)
    ? readdirSync(POSTGRES_ROOT)
        .filter((version) => existsSync(path.join(POSTGRES_ROOT, version, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  const newest = versions.at(-1);
  if (!newest) {
    throw new Error(
      `No PostgreSQL under ${POSTGRES_ROOT}: run \`apt-get install -y postgresql\` as root`,
    );
  }
  return path.join(POSTGRES_ROOT, newest, 'bin');
}

/**
 * A real PostgreSQL for one test file: a fresh cluster in a temporary directory, trust
 * authentication, listening on a free loopback port only, without fsync. initdb and postgres
 * refuse to run as root, so as root they run as the `postgres` user.
 */
export async function startPostgres(): Promise<PostgresUnderTest> {
  const bin = binDir();
  const root = await mkdtemp(path.join(tmpdir(), 'pg-test-'));
  const data = path.join(root, 'data');
  const sockets = path.join(root, 'sockets');
  await mkdir(sockets);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await run('chown', ['-R', 'postgres:postgres', root]);
  const tool = (name: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, name), ...args])
      : run(path.join(bin, name), args);

  await tool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${sockets}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  const log = path.join(root, 'postgres.log');
  const start = () =>
    tool('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', '-o', options, 'start']);
  let running = false;
  const stop = async () => {
    if (!running) return;
    running = false;
    await tool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  running = true;

  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    port,
    async createDatabase() {
      databases += 1;
      const name = `test_${databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
    async restart() {
      await stop();
      await start();
      running = true;
    },
    async destroy() {
      await stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
