// The soak (`npm run soak`, not part of npm test): the console and a sandbox in this process,
// a steady mix of lookups, scans and coverage checks under a seeded 5 % fault storm, then a table
// of what came back. Bounded: SOAK_SECONDS of traffic, at most 20 s to drain, an in-flight cap.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { createPrng } from '../src/sandbox/prng';
import type { FaultKind } from '../src/sandbox/sandbox';
import { startConsole } from '../test/reliability/console-under-test';
import { type SoakFigures, summarise, table } from './soak-report';
import { nextPlan, run, type Sample } from './soak-traffic';

const configSchema = z.object({
  SOAK_SECONDS: z.coerce.number().int().min(10).max(3_600).default(120),
  SOAK_RATE: z.coerce.number().int().min(1).max(500).default(50),
  SOAK_FAULT_PROBABILITY: z.coerce.number().min(0).max(1).default(0.05),
});
const STORM_KINDS: FaultKind[] = [
  'reset',
  'system_error',
  'bad_gateway',
  'service_unavailable',
  'rate_limit',
  'malformed_json',
  'bad_signature',
  'unknown_serial',
  'missing_headers',
  'duplicate_codes',
];
const MAX_IN_FLIGHT = 400;
const MAX_PER_TICK = 20;
const DRAIN_MS = 20_000;

// Memory is read after a full collection, so garbage not yet collected does not pass for a leak.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const settledMemory = () => {
  collectGarbage();
  return process.memoryUsage();
};

/** One request of every kind for every stock, not counted: what a first visitor costs. */
async function warmUp(url: string, auth: Record<string, string>): Promise<void> {
  const prng = createPrng(1);
  for (let i = 0; i < 60; i += 1) await run(url, nextPlan(prng.next), auth);
}

async function soak(): Promise<SoakFigures> {
  const { SOAK_SECONDS: seconds, SOAK_RATE: rate, ...rest } = configSchema.parse(process.env);
  const probability = rest.SOAK_FAULT_PROBABILITY;
  const c = await startConsole({
    keepTraffic: false,
    offsetMode: 'page',
    sandbox: { latencyMs: [5, 40] },
  });
  c.sandbox.faults.storm({ probability, kinds: STORM_KINDS, seed: 6 });
  const prng = createPrng(2026);
  const samples: Sample[] = [];
  let inFlight = 0;
  let sent = 0;
  let skipped = 0;
  let upstreamCalls = 0;
  // The sandbox logs every call; emptied as it goes so its memory does not count as ours.
  const drainStats = () => {
    upstreamCalls += c.sandbox.stats.calls();
    c.sandbox.stats.reset();
  };
  // Caches fill first (the 60,000 codes, each stock's scan): RSS counts from after that.
  const auth = await c.authHeaders();
  await warmUp(c.url, auth);
  const warmupMs = Math.min(15_000, Math.max(5_000, seconds * 100), seconds * 500);
  let start: NodeJS.MemoryUsage | undefined;
  const startedAt = performance.now();
  const statsTimer = setInterval(drainStats, 5_000);

  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = performance.now() - startedAt;
      if (!start && elapsed >= warmupMs) start = settledMemory();
      if (elapsed >= seconds * 1_000) {
        clearInterval(tick);
        resolve();
        return;
      }
      const due = Math.min(MAX_PER_TICK, Math.floor((elapsed / 1_000) * rate) - sent);
      for (let i = 0; i < due; i += 1) {
        sent += 1;
        if (inFlight >= MAX_IN_FLIGHT) {
          skipped += 1;
          continue;
        }
        inFlight += 1;
        void run(c.url, nextPlan(prng.next), auth).then((sample) => {
          samples.push(sample);
          inFlight -= 1;
        });
      }
    }, 20);
  });
  clearInterval(statsTimer);
  const drainUntil = performance.now() + DRAIN_MS;
  while (inFlight > 0 && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const end = settledMemory();
  drainStats();
  c.sandbox.faults.clear();
  await c.close();
  const first = start ?? end;
  return {
    seconds,
    rate,
    faultProbability: probability,
    samples,
    skipped: skipped + inFlight,
    upstreamCalls,
    rssStart: first.rss,
    rssEnd: end.rss,
    heapStart: first.heapUsed,
    heapEnd: end.heapUsed,
  };
}

soak().then(
  (figures) => {
    console.log(table(figures));
    process.exit(summarise(figures).passed ? 0 : 1);
  },
  (error: unknown) => {
    console.error('The soak could not run:', error);
    process.exit(1);
  },
);
