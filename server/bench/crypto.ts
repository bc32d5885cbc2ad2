// Row 3: µs per upstream call of crypto, ours against two SDKs and the node:crypto floor.
import { performance } from 'node:perf_hooks';
import { type BenchRow, fmt } from './results';

const ROUNDS = 12;
const PER_ROUND = 150;

/** Median over rounds; within a round every contender runs, in a rotating order. */
async function measure(contenders: { name: string; run: () => boolean | Promise<boolean> }[]) {
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (const c of contenders) {
    if (!(await c.run())) throw new Error(`${c.name} does not verify the sample: measure void`);
    for (let i = 0; i < 50; i += 1) await c.run(); // warm-up, not counted
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let k = 0; k < contenders.length; k += 1) {
      const c = contenders[(round + k) % contenders.length];
      if (!c) continue;
      const started = performance.now();
      for (let i = 0; i < PER_ROUND; i += 1) await c.run();
      samples.get(c.name)?.push(((performance.now() - started) * 1_000) / PER_ROUND);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return new Map([...samples].map(([name, xs]) => [name, median(xs)]));
}

export async function cryptoRows(): Promise<BenchRow[]> {
  const { contenders } = await import('./crypto-contenders').catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`an SDK could not be loaded: ${why}`);
  });
  const us = await measure(contenders);
  const ours = us.get('ours') ?? Number.NaN;
  const floor = us.get('floor') ?? Number.NaN;
  const note = `${ROUNDS} interleaved rounds × ${PER_ROUND} calls, median; RSA-2048, node ${process.version}`;
  const rows: BenchRow[] = [
    {
      id: '3a',
      what: 'crypto per call (sign GET + verify 100-code page): ours vs node:crypto floor',
      ours: `${fmt(ours, 0)} µs`,
      baseline: `${fmt(floor, 0)} µs`,
      ratio: `${fmt(ours / floor)}×`,
      target: '≤ 1.10×',
      met: ours / floor <= 1.1,
      note,
    },
  ];
  for (const [i, sdk] of ['wechatpay-node-v3', 'wechatpay-axios-plugin'].entries()) {
    const theirs = us.get(sdk) ?? Number.NaN;
    rows.push({
      id: `3${'bc'[i]}`,
      what: `crypto per call: ours vs ${sdk}`,
      ours: `${fmt(ours, 0)} µs`,
      baseline: `${fmt(theirs, 0)} µs`,
      ratio: `${fmt(ours / theirs)}×`,
      target: '≤ 1.00×',
      met: ours <= theirs,
      note,
    });
  }
  return rows;
}
