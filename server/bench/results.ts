// One benchmark table for the whole run: each part (server, browser) saves its rows as JSON under
// bench-results/, and report.ts prints them together. Rows are data, never pass/fail of a test.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';

/** The repository's bench-results/ folder (git-ignored). */
export const RESULTS_DIR = new URL('../../bench-results/', import.meta.url);

export const benchRowSchema = z.object({
  id: z.string(),
  what: z.string(),
  ours: z.string(),
  baseline: z.string(),
  ratio: z.string(),
  target: z.string(),
  /** null when the row could not be measured (the note says why). */
  met: z.boolean().nullable(),
  note: z.string().optional(),
});
export type BenchRow = z.infer<typeof benchRowSchema>;
const rowsFileSchema = z.object({ part: z.string(), rows: z.array(benchRowSchema) });

/** Saves one part's rows (e.g. `server`), replacing that part's rows of an earlier run. */
export async function saveRows(part: string, rows: BenchRow[]): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = new URL(`${part}.rows.json`, RESULTS_DIR);
  await writeFile(file, `${JSON.stringify({ part, rows }, null, 2)}\n`);
}

/** Every part's rows from bench-results/*.rows.json, in file-name order. */
export async function loadRows(): Promise<BenchRow[]> {
  const names = (await readdir(RESULTS_DIR)).filter((n) => n.endsWith('.rows.json')).sort();
  const rows: BenchRow[] = [];
  for (const name of names) {
    const raw: unknown = JSON.parse(await readFile(new URL(name, RESULTS_DIR), 'utf8'));
    rows.push(...rowsFileSchema.parse(raw).rows);
  }
  return rows.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

const COLUMNS = ['id', 'what', 'ours', 'baseline', 'ratio', 'target', 'met'] as const;
const cell = (row: BenchRow, column: (typeof COLUMNS)[number]): string =>
  column === 'met' ? (row.met === null ? 'n/a' : row.met ? 'yes' : 'NO') : row[column];

/** The rows as a Markdown table (pasted as is into the README's Performance section). */
export function formatTable(rows: BenchRow[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(COLUMNS),
    line(COLUMNS.map(() => '---')),
    ...rows.map((row) => line(COLUMNS.map((c) => cell(row, c).replaceAll('|', '/')))),
  ].join('\n');
}

/** Formats a number with a fixed count of decimals. */
export const fmt = (value: number, decimals = 2): string =>
  Number.isFinite(value) ? value.toFixed(decimals) : 'n/a';
