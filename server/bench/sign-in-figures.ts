// The sign-in figures of decision 011, measured on the production scrypt and hashing gate:
//   pnpm --filter server figures:sign-in        (about 15 s; FLOOD_SECONDS to change the 10 s)
// 1. 30 parallel wrong sign-ins for one account from one address: how many were verified.
// 2. 20 parallel unknown-name sign-ins from rotating addresses for 10 s: a static file's
//    latency (p50, p99, max) and a real sign-in's, against the same console idle.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createPasswordHasher, type PasswordHasher } from '../src/accounts/passwords';
import { PASSWORDS, startTestConsole, type TestConsole } from '../test/support/test-console';

const FLOOD_SECONDS = Number(process.env.FLOOD_SECONDS ?? 10);
const ASSET = `console.log(${JSON.stringify('x'.repeat(200_000))});`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const summary = (ms: number[]) =>
  `n=${ms.length} p50=${percentile(ms, 50).toFixed(1)} ms p99=${percentile(ms, 99).toFixed(1)} ms max=${Math.max(...ms).toFixed(1)} ms`;

async function timed(work: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await work();
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

const signIn = (tc: TestConsole, username: string, password: string, address: string) =>
  fetch(`${tc.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: tc.origin, 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  });

// 20 loops of unknown-name sign-ins, each from a new address, until FLOOD_SECONDS have passed.
const FLOOD = `
const { workerData, parentPort } = require('node:worker_threads');
const { url, origin, seconds } = workerData;
const until = Date.now() + seconds * 1000;
const statuses = {};
let n = 0;
async function attacker() {
  while (Date.now() < until) {
    n += 1;
    const address = '10.' + (n >> 16) + '.' + ((n >> 8) & 255) + '.' + (n & 255);
    const res = await fetch(url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': address },
      body: JSON.stringify({ username: 'ghost-' + n, password: 'wrong-password' }),
    });
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
}
Promise.all(Array.from({ length: 20 }, attacker)).then(() => parentPort.postMessage(statuses));
`;

function runFlood(url: string, origin: string): Promise<Record<string, number>> {
  const worker = new Worker(FLOOD, {
    eval: true,
    workerData: { url, origin, seconds: FLOOD_SECONDS },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (statuses: Record<string, number>) => {
      resolve(statuses);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** Static file and real sign-in latencies while `load` runs (or idle when it is undefined). */
async function measure(tc: TestConsole, load?: Promise<void>) {
  const statics: number[] = [];
  const signIns: { ms: number; status: number }[] = [];
  const until = performance.now() + FLOOD_SECONDS * 1000;
  const staticLoop = (async () => {
    while (performance.now() < until) {
      statics.push((await timed(() => fetch(`${tc.url}/assets/app.js`))).ms);
    }
  })();
  const signInLoop = (async () => {
    while (performance.now() < until) {
      signIns.push(await timed(() => signIn(tc, 'admin', PASSWORDS.admin, '192.0.2.200')));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  await Promise.all([staticLoop, signInLoop, load]);
  lag.disable();
  return { statics, signIns, lagP99: lag.percentile(99) / 1e6 };
}

async function main() {
  const dist = mkdtempSync(path.join(tmpdir(), 'ccc-figures-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(path.join(dist, 'assets', 'app.js'), ASSET);
  let verified = 0;
  const production = createPasswordHasher();
  const counting = (): PasswordHasher => ({
    ...production,
    verify: (password, stored) => {
      verified += 1;
      return production.verify(password, stored);
    },
    verifyNobody: (password) => {
      verified += 1;
      return production.verifyNobody(password);
    },
  });
  const tc = await startTestConsole({ trustProxy: true, wrapHasher: counting, webDistDir: dist });
  try {
    await production.verifyNobody('');
    verified = 0;
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(tc, 'operator', `wrong-${i}`, '203.0.113.5')),
    );
    const statuses = guesses.map((res) => res.status).join(' ');
    console.info(`30 parallel wrong sign-ins, one account, one address: ${verified} verified`);
    console.info(`  answers: ${statuses}`);

    const idle = await measure(tc);
    // The flood runs in a thread of its own, so the console's event loop serves only the console.
    const floodDone = runFlood(tc.url, tc.origin);
    const busy = await measure(
      tc,
      floodDone.then(() => undefined),
    );
    const flood = await floodDone;
    for (const [name, run] of [
      ['idle', idle],
      ['flood', busy],
    ] as const) {
      const ok = run.signIns.filter((s) => s.status === 200).map((s) => s.ms);
      const others = run.signIns.filter((s) => s.status !== 200).map((s) => s.status);
      console.info(`${name}: static file ${summary(run.statics)}`);
      console.info(`${name}: event loop delay p99 ${run.lagP99.toFixed(1)} ms`);
      console.info(
        `${name}: real sign-in (200) ${summary(ok)}; other answers: ${others.join(' ') || 'none'}`,
      );
    }
    console.info(`flood answers (20 parallel, ${FLOOD_SECONDS} s): ${JSON.stringify(flood)}`);
  } finally {
    await tc.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

await main();
