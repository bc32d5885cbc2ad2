// Row 2: K people open the same stock at once; the scan service must walk it once for all.
import { scaledClock } from '../src/lib/clock';
import { SANDBOX_MCHID } from '../src/sandbox/sandbox';
import { type BenchRow, fmt } from './results';
import { settle, startRig, target } from './upstream-rig';

const STOCK = '16000005'; // 5,000 codes: 50 pages of 100
const VIEWERS = [1, 10, 50];

async function upstreamCallsFor(viewers: number) {
  const clock = scaledClock(30);
  const rig = await startRig(clock, { latencyMs: [1, 4] });
  try {
    const t = target(STOCK, SANDBOX_MCHID);
    const scans = await Promise.all(Array.from({ length: viewers }, () => rig.scans.start(t)));
    const finished = await Promise.all(scans.map(settle));
    const distinct = new Set(finished).size;
    const pages = finished[0]?.pagesDone ?? 0;
    return { calls: rig.sandbox.stats.calls({ stockId: STOCK }), pages, distinct };
  } finally {
    await rig.close();
  }
}

export async function sharingRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const k of VIEWERS) {
    const m = await upstreamCallsFor(k);
    const naive = k * m.pages;
    rows.push({
      id: `2${'abc'[VIEWERS.indexOf(k)]}`,
      what: `sharing: ${k} concurrent viewer(s) of stock ${STOCK}, upstream calls`,
      ours: `${m.calls} calls (${m.distinct} walk)`,
      baseline: `naive ${naive} (K × ${m.pages} pages)`,
      ratio: `${fmt(m.calls / naive, 3)}`,
      target: `= one walk (${m.pages})`,
      met: m.calls === m.pages && m.distinct === 1,
    });
  }
  return rows;
}
