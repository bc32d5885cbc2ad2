// The server half of `npm run bench` (rows 1–4, 6 and 7): each row measured with its baseline in
// this run, one after the other so they never share the CPUs. Saved to bench-results/.
import { bffRows } from './bff-lookups';
import { cryptoRows } from './crypto';
import { memoryRows } from './memory';
import { replicaRows } from './replicas-load';
import { type BenchRow, formatTable, saveRows } from './results';
import { scanEfficiencyRows } from './scan-efficiency';
import { sharingRows } from './sharing';

const parts: [string, string, () => Promise<BenchRow[]>][] = [
  ['1', 'scan efficiency', scanEfficiencyRows],
  ['2', 'sharing', sharingRows],
  ['3', 'crypto', cryptoRows],
  ['4', 'BFF cached lookups', bffRows],
  ['6', 'memory', memoryRows],
  ['7', 'replicas sharing Redis', replicaRows],
];

const rows: BenchRow[] = [];
for (const [id, name, run] of parts) {
  const started = Date.now();
  process.stdout.write(`bench ${id} (${name})… `);
  try {
    rows.push(...(await run()));
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    // A row that cannot run says so in the table instead of hiding the others.
    const why = error instanceof Error ? error.message : String(error);
    console.log(`failed: ${why}`);
    rows.push({
      id,
      what: name,
      ours: 'n/a',
      baseline: 'n/a',
      ratio: 'n/a',
      target: '',
      met: null,
      note: `could not run: ${why}`,
    });
  }
}
await saveRows('server', rows);
console.log(formatTable(rows));
