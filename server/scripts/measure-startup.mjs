// Start-up time and memory of the console in sandbox mode, measured the same way for any way of
// running it (from source with tsx, or the built JavaScript with node):
//   node scripts/measure-startup.mjs [--runs 7] [-- command args…]   (default: node dist/index.js)
// Per run: spawn → the "console listening" log line, spawn → the first 200 from GET /api/health,
// the CPU time the process and its children spent until then (unlike the wall time, it hardly
// moves when other work shares the machine), then the resident memory (RSS) of the process and
// its children 1 s after that, and again 1 s after one stock lookup (sign in as the demo admin,
// the stock's details and its first page). Linux only: reads /proc. Prints each run and medians.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const SETTLE_MS = 1_000;
const STOCK = '16000004';
const CREATOR_MCHID = '1900000109';
const PASSWORD = 'measure-Startup-Password-1';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const options = dashes === -1 ? argv : argv.slice(0, dashes);
const command = dashes === -1 ? ['node', 'dist/index.js'] : argv.slice(dashes + 1);
const runsAt = options.indexOf('--runs');
const RUNS = runsAt === -1 ? 7 : Number(options[runsAt + 1]);

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** VmRSS of one process, in kB (0 once it has gone). */
function rssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean),
    );
  } catch {
    return [];
  }
}

/** CPU time (user + system) of one process so far, in ms (0 once it has gone). */
function cpuMs(pid) {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function treeOf(pid) {
  const all = [String(pid)];
  for (let i = 0; i < all.length; i += 1) all.push(...childrenOf(all[i]));
  return all;
}

/** RSS in MB of a process and all its descendants (the `tsx` command serves from a child). */
function treeRssMb(pid) {
  const all = treeOf(pid);
  return { mb: all.reduce((sum, one) => sum + rssKb(one), 0) / 1024, processes: all.length };
}

const treeCpuMs = (pid) => treeOf(pid).reduce((sum, one) => sum + cpuMs(one), 0);

async function untilHealthy(base, deadline) {
  while (performance.now() < deadline) {
    const ok = await fetch(`${base}/api/health`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return performance.now();
    await sleep(5);
  }
  throw new Error(`${base}/api/health did not answer 200 in time`);
}

async function lookUpStock(base) {
  const demo = await (await fetch(`${base}/api/auth/demo`)).json();
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ username: demo.username, password: demo.password }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (!login.ok || !cookie) throw new Error(`sign-in failed: ${login.status}`);
  const query = `stock_creator_mchid=${CREATOR_MCHID}`;
  for (const url of [`/api/stocks/${STOCK}?${query}`, `/api/stocks/${STOCK}/items?${query}`]) {
    const res = await fetch(`${base}${url}`, { headers: { Cookie: cookie } });
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    await res.arrayBuffer();
  }
}

async function measureOnce() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ccc-measure-'));
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    cwd: SERVER_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      CONSOLE_DEMO_PASSWORD: PASSWORD,
      WECHATPAY_MCHID: '',
    },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let listenedAt = Number.NaN;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (Number.isNaN(listenedAt) && line.includes('console listening')) {
      listenedAt = performance.now();
    }
  });
  try {
    const healthyAt = await untilHealthy(base, started + 120_000);
    const cpuStarted = treeCpuMs(child.pid);
    await sleep(SETTLE_MS);
    const rssStarted = treeRssMb(child.pid);
    await lookUpStock(base);
    await sleep(SETTLE_MS);
    const rssLookup = treeRssMb(child.pid);
    return {
      listenMs: listenedAt - started,
      healthMs: healthyAt - started,
      cpuMs: cpuStarted,
      rssStartedMb: rssStarted.mb,
      rssLookupMb: rssLookup.mb,
      processes: rssLookup.processes,
    };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const row = (r) =>
  `listening ${r.listenMs.toFixed(0)} ms · health 200 ${r.healthMs.toFixed(0)} ms ` +
  `(CPU ${r.cpuMs.toFixed(0)} ms) · ` +
  `RSS started ${r.rssStartedMb.toFixed(1)} MB · after a lookup ${r.rssLookupMb.toFixed(1)} MB ` +
  `(${r.processes} process${r.processes === 1 ? '' : 'es'})`;

console.log(`${command.join(' ')} (cwd server/), ${RUNS} runs, sandbox mode`);
const results = [];
for (let run = 1; run <= RUNS; run += 1) {
  const result = await measureOnce();
  results.push(result);
  console.log(`run ${run}: ${row(result)}`);
}
const medians = Object.fromEntries(
  Object.keys(results[0]).map((key) => [key, median(results.map((r) => r[key]))]),
);
console.log(`median: ${row(medians)}`);
