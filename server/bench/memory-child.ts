// Row 6, the measured process (run with node --expose-gc): RSS when idle, then after ten
// 50,100-code scans sit in the scan cache. Prints one JSON line; no keys are printed.
import { systemClock } from '../src/lib/clock';
import { SANDBOX_MCHID } from '../src/sandbox/sandbox';
import { codesOf, findStock } from '../src/sandbox/stock-catalog';
import { createScanService } from '../src/stocks/scan-service';
import { createMemoryScanStore } from '../src/stocks/scans/scan-store';
import { settle, startRig, target } from './upstream-rig';

const STOCK = '16000006'; // 60,000 codes, 50,100 reachable under page offsets
const CACHED = 10;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const rssMb = async () => {
  for (let i = 0; i < 3; i += 1) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().rss / 2 ** 20;
};

// Limits out of the way: this row is about memory, row 1 about pacing.
const rig = await startRig(
  systemClock,
  { latencyMs: [0, 0] },
  { perMinute: 10_000_000, perIpPerMinute: 10_000_000 },
);
// The console's default cache bound (SCAN_CACHE_MAX_CODES): ten such scans fit.
const store = createMemoryScanStore({ maxCodes: 1_000_000 });
const stock = findStock(STOCK);
if (!stock) throw new Error(`no stock ${STOCK}`);
codesOf(stock); // the sandbox's own copy of the codes is counted in the idle figure
await rig.client.listAvailableItems({ ...target('16000003', SANDBOX_MCHID), offset: 0, limit: 10 });
const idle = await rssMb();

// Ten distinct cache keys: one scan service per merchant label over one shared store, as ten
// merchants' scans of a stock this size would sit in one console's cache. Each is a real walk.
const scans = await Promise.all(
  Array.from({ length: CACHED }, async (_, i) => {
    const service = createScanService({
      client: rig.client,
      merchantMchid: `bench-merchant-${i}`,
      store,
      offsetMode: 'page',
    });
    return settle(await service.start(target(STOCK, SANDBOX_MCHID)));
  }),
);
const codes = scans.reduce((sum, scan) => sum + scan.index.size, 0);
const cachedScans = (
  await Promise.all(
    Array.from({ length: CACHED }, (_, i) =>
      store.get(`bench-merchant-${i}:${SANDBOX_MCHID}:${STOCK}`),
    ),
  )
).filter(Boolean).length;
scans.length = 0; // only the store keeps them now
const loaded = await rssMb();
await rig.close();
console.log(JSON.stringify({ idle, loaded, codes, cachedScans }));
