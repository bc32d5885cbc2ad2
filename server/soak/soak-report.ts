// The soak's figures and the table it prints.
import type { Sample } from './soak-traffic';

export interface SoakFigures {
  seconds: number;
  rate: number;
  faultProbability: number;
  samples: Sample[];
  skipped: number;
  upstreamCalls: number;
  rssStart: number;
  rssEnd: number;
  heapStart: number;
  heapEnd: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const pct = (part: number, whole: number) =>
  whole === 0 ? '0.00%' : `${((part / whole) * 100).toFixed(2)}%`;

/** Counts per outcome, and whether the soak met its goal (nothing beyond the injected faults). */
export function summarise(f: SoakFigures) {
  const by = (outcome: Sample['outcome']) => f.samples.filter((s) => s.outcome === outcome);
  const latencies = f.samples.map((s) => s.ms).sort((a, b) => a - b);
  const beyond = by('unexplained').length + by('wrong').length;
  return {
    total: f.samples.length,
    ok: by('ok').length,
    injected: by('injected').length,
    unexplained: by('unexplained'),
    wrong: by('wrong'),
    beyond,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rssChange: (f.rssEnd - f.rssStart) / f.rssStart,
    passed: beyond === 0,
  };
}

/** The table the soak prints, one figure a row. */
export function table(f: SoakFigures): string {
  const s = summarise(f);
  const kinds = [...new Set(f.samples.map((x) => x.kind))].sort();
  const rows: [string, string][] = [
    ['duration / rate', `${f.seconds} s at ${f.rate} req/s, storm p=${f.faultProbability}`],
    ['requests answered', String(s.total)],
    ...kinds.map((kind): [string, string] => {
      const ms = f.samples.filter((x) => x.kind === kind).map((x) => x.ms);
      const sorted = ms.sort((a, b) => a - b);
      const p = `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`;
      return [`  ${kind}`, `${ms.length} (${p})`];
    }),
    ['ticks skipped (in-flight cap)', String(f.skipped)],
    ['ok', String(s.ok)],
    ['errors explained by injected faults', `${s.injected} (${pct(s.injected, s.total)})`],
    ['errors beyond the injected ones', `${s.beyond} (${pct(s.beyond, s.total)}), goal 0`],
    ['  of which wrong answers', String(s.wrong.length)],
    ['latency p50 / p99', `${s.p50.toFixed(1)} ms / ${s.p99.toFixed(1)} ms`],
    ['upstream calls (sandbox)', String(f.upstreamCalls)],
    [
      'RSS start → end',
      `${mb(f.rssStart)} → ${mb(f.rssEnd)} (${pct(f.rssEnd - f.rssStart, f.rssStart)})`,
    ],
    // Growth is what a leak looks like; RSS shrinking as caches settle is not.
    ['RSS grew at most 10% (goal)', s.rssChange <= 0.1 ? 'yes' : 'no'],
    ['heap used start → end', `${mb(f.heapStart)} → ${mb(f.heapEnd)}`],
    ['result', s.passed ? 'PASS' : 'FAIL'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = rows.map(([name, value]) => `| ${name.padEnd(width)} | ${value}`);
  const examples = [...s.unexplained, ...s.wrong]
    .slice(0, 5)
    .map((x) => `  - ${x.detail ?? x.kind}`);
  return [...lines, ...(examples.length ? ['first unexpected answers:', ...examples] : [])].join(
    '\n',
  );
}
