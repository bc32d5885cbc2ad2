import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';

// Spreadsheet formula injection (OWASP "CSV Injection"). A cell is prefixed with an apostrophe,
// which makes a spreadsheet read it as text, when it starts with:
// - = + - @ tab or carriage return (OWASP's list), or their full-width and small forms
//   (＝＋－＠, ﹦﹢﹣﹫), which spreadsheets in East Asian locales may read as formula starts;
// - an invisible character (zero-width space, joiners, word joiner, byte order mark, bidi
//   controls: any Unicode "format" character) or a no-break or ideographic space, which can
//   hide a formula start from the person reading the cell and is dropped by some importers;
// - an apostrophe, so the rule stays lossless: every cell of our exports that starts with an
//   apostrophe carries exactly one we added, and dropping that first character gives the value
//   back ("'=1" came from "=1", "''x" from "'x", and "x" was never touched).
const NEEDS_PREFIX = /^[=+\-@\t\r＝＋－＠﹦﹢﹣﹫'\u00a0\u3000\p{Cf}]/u;

/** Neutralises a cell a spreadsheet would run as a formula (the rule above; reversible). */
export function safeCell(value: string): string {
  return NEEDS_PREFIX.test(value) ? `'${value}` : value;
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
