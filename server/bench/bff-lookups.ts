// Row 4: cached page lookups through the whole console (session, CSRF-free GET, audit trail,
// logging, rate limiter) against a bare Express route with the same JSON. Both run as child
// processes started the same way; autocannon runs here, with the same settings for both.

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, runEntry, signIn, stop, waitForOk } from '../test/support/processes';
import { type BenchRow, fmt } from './results';

const DURATION_S = Number(process.env.BENCH_BFF_SECONDS ?? 20);
const CONNECTIONS = 10;
const LOOKUP = '/api/stocks/16000005/items?stock_creator_mchid=1900000109&offset=0&limit=100';

type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

async function load(url: string, cookie?: string): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    ...(cookie ? { headers: { cookie } } : {}),
  });
  const { requests, latency } = result;
  return {
    rps: requests.average,
    p50: latency.p50,
    p99: latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function measure(): Promise<{ ours: Load; bare: Load }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ccc-bench-'));
  const password = randomBytes(12).toString('base64url');
  const consolePort = await freePort();
  const console_ = runEntry('src/index.ts', [], {
    PORT: String(consolePort),
    DATA_DIR: dir,
    CONSOLE_DEMO_PASSWORD: password,
    // Our own per-client limiter would answer 429 to a load generator: it is not measured here.
    API_RATE_LIMIT_PER_MINUTE: '100000000',
    ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
  });
  let bare: ReturnType<typeof runEntry> | undefined;
  try {
    console_.stdout?.resume();
    console_.stderr?.resume();
    const base = `http://127.0.0.1:${consolePort}`;
    await waitForOk(`${base}/api/health`, 30_000);
    const cookie = await signIn(base, 'demo', password);
    // The first lookup goes to WeChat Pay (the sandbox); every later one is a cache hit.
    const first = await fetch(`${base}${LOOKUP}`, { headers: { cookie } });
    if (!first.ok) throw new Error(`first lookup failed: ${first.status}`);
    const pageFile = path.join(dir, 'page.json');
    await writeFile(pageFile, JSON.stringify(await first.json()));

    const barePort = await freePort();
    bare = runEntry('bench/bare-express.ts', [pageFile], { PORT: String(barePort) });
    const bareBase = `http://127.0.0.1:${barePort}`;
    await waitForOk(`${bareBase}/api/health`, 30_000);
    // Warm both, then measure one after the other (never at once: they would share the CPUs).
    await load(`${base}${LOOKUP}`, cookie);
    const ours = await load(`${base}${LOOKUP}`, cookie);
    const bareLoad = await load(`${bareBase}${LOOKUP}`);
    return { ours, bare: bareLoad };
  } finally {
    await stop(bare);
    await stop(console_);
    await rm(dir, { recursive: true, force: true });
  }
}

export async function bffRows(): Promise<BenchRow[]> {
  const { ours, bare } = await measure();
  const clean = ours.non2xx === 0 && ours.errors === 0;
  const ratio = ours.rps / bare.rps;
  return [
    {
      id: '4a',
      what: `cached page lookup GET /api/stocks/:id/items (signed in), ${CONNECTIONS} connections, ${DURATION_S} s`,
      ours: `${fmt(ours.rps, 0)} req/s, p50 ${ours.p50} ms, p99 ${ours.p99} ms`,
      baseline: `bare Express ${fmt(bare.rps, 0)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`,
      ratio: `${fmt(ratio)}× rps`,
      target: '≥ 0.50× rps, p99 < 20 ms',
      met: clean && ratio >= 0.5 && ours.p99 < 20,
      note: clean ? 'all 2xx' : `${ours.non2xx} non-2xx, ${ours.errors} errors: figures void`,
    },
  ];
}
