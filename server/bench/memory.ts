// Row 6: RSS of a process holding ten cached 50,100-code scans, against the same process idle.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type BenchRow, fmt } from './results';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const childResultSchema = z.object({
  idle: z.number(),
  loaded: z.number(),
  codes: z.number(),
  cachedScans: z.number(),
});

function runChild(): Promise<z.infer<typeof childResultSchema>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        '--import',
        './scripts/register-sql.mjs',
        'bench/memory-child.ts',
      ],
      { cwd: SERVER_DIR, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`memory child exited ${code}`));
      resolve(childResultSchema.parse(JSON.parse(last)));
    });
  });
}

export async function memoryRows(): Promise<BenchRow[]> {
  const m = await runChild();
  return [
    {
      id: '6a',
      what: `RSS with ${m.cachedScans} cached scans of a 50,100-code stock (${m.codes.toLocaleString('en')} codes), after GC`,
      ours: `${fmt(m.loaded, 0)} MB`,
      baseline: `idle ${fmt(m.idle, 0)} MB`,
      ratio: `${fmt(m.loaded / m.idle)}× (+${fmt(m.loaded - m.idle, 0)} MB)`,
      target: '≤ 300 MB',
      met: m.loaded <= 300 && m.cachedScans === 10,
      note: 'one process: client, scan service and the in-process sandbox (counted in both)',
    },
  ];
}
