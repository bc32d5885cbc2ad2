// The scale-out tests start a real redis-server and a real PostgreSQL of their own (on free
// loopback ports, in temporary directories): install Debian's packages when they are missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const REDIS_SERVER = '/usr/bin/redis-server';
const POSTGRES_ROOT = '/usr/lib/postgresql';

const hasPostgres = () =>
  existsSync(POSTGRES_ROOT) &&
  readdirSync(POSTGRES_ROOT).some((version) =>
    existsSync(`${POSTGRES_ROOT}/${version}/bin/initdb`),
  );

const missing = [
  ...(existsSync(REDIS_SERVER) ? [] : ['redis-server']),
  ...(hasPostgres() ? [] : ['postgresql']),
];
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Missing for the scale-out tests: ${missing.join(', ')}. Install Debian's packages as root:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
  );
  process.exit(1);
}

console.log(`Installing Debian's ${missing.join(' and ')} for the scale-out tests…`);
const run = (args) =>
  execFileSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
run(['update']);
run(['install', '-y', '--no-install-recommends', ...missing]);
if (!existsSync(REDIS_SERVER) || !hasPostgres()) {
  console.error('apt-get finished but redis-server or PostgreSQL is still missing.');
  process.exit(1);
}
