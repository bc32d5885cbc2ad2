import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';

// Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with one of these
// is evaluated by Excel. A leading apostrophe makes it text; real codes are digits anyway.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a cell Excel would run as a formula. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The download name: ids are [A-Za-z0-9_-] only, so they are safe in the header as is. */
export function attachment(res: Response, filename: string): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * Streams rows as CSV with a header row and a UTF-8 BOM (so Excel reads Chinese text), honouring
 * backpressure: a 50,100-row export never sits whole in memory as text.
 */
export async function streamCsv(
  res: Response,
  columns: readonly string[],
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
): Promise<void> {
  // Sync rows stay sync: a million-code export should not pay a promise per row.
  const cells =
    Symbol.asyncIterator in rows
      ? async function* () {
          for await (const row of rows) yield row.map(safeCell);
        }
      : function* () {
          for (const row of rows) yield row.map(safeCell);
        };
  const csv = stringify({ header: true, columns: [...columns], bom: true });
  try {
    await pipeline(Readable.from(cells()), csv, res);
  } catch (error) {
    // The reader went away mid-download: nobody is left to tell.
    if (res.destroyed) return;
    throw error;
  }
}
