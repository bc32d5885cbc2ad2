// The last step of `npm run bench`: every part's rows as ONE table, printed and saved as JSON
// with the machine it ran on (bench-results/bench-<time>.json).
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, freemem, totalmem } from 'node:os';
import { formatTable, loadRows, RESULTS_DIR } from './results';

const rows = await loadRows();
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
const machine = {
  nproc: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memory: `${gib(totalmem())} total, ${gib(freemem())} free`,
  node: process.version,
  chromium: (() => {
    try {
      return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
        encoding: 'utf8',
      }).trim();
    } catch {
      return 'unknown';
    }
  })(),
};
const at = new Date().toISOString();
const file = new URL(`bench-${at.replaceAll(':', '-')}.json`, RESULTS_DIR);
await writeFile(file, `${JSON.stringify({ at, machine, rows }, null, 2)}\n`);
console.log(`\n${formatTable(rows)}\n`);
for (const row of rows.filter((r) => r.note)) console.log(`${row.id}: ${row.note}`);
console.log(`\nmachine: ${JSON.stringify(machine)}`);
console.log(`saved: ${file.pathname}`);
