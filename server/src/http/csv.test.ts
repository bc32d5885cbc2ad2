import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { attachment, safeCell, streamCsv } from './csv';

function appWith(rows: string[][]) {
  const app = express();
  app.get('/x.csv', async (_req, res) => {
    attachment(res, 'x.csv');
    await streamCsv(res, ['code', 'status'], rows);
  });
  return app;
}

describe('streamCsv', () => {
  it('writes a BOM, a header row and RFC 4180 quoting', async () => {
    const rows = [
      ['plain', 'covered'],
      ['with,comma', 'not_covered'],
      ['with "quote"', 'unknown'],
      ['双十一', 'covered'],
    ];
    const res = await request(appWith(rows))
      .get('/x.csv')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (chunk: Buffer) => chunks.push(chunk));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="x.csv"');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'code,status\nplain,covered\n"with,comma",not_covered\n"with ""quote""",unknown\n双十一,covered\n',
    );
  });

  it('streams 50,100 rows', async () => {
    const rows = Array.from({ length: 50_100 }, (_, i) => [`c${i}`, 'covered']);
    const res = await request(appWith(rows)).get('/x.csv');
    expect(res.text.split('\n')).toHaveLength(50_102);
  });
});

describe('safeCell', () => {
  // [what, value, cell written]
  const cases: [string, string, string][] = [
    ['equals', '=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ['plus', '+1', "'+1"],
    ['minus', '-A1', "'-A1"],
    ['at', '@SUM(A1)', "'@SUM(A1)"],
    ['tab', '\t=1', "'\t=1"],
    ['carriage return', '\r=1', "'\r=1"],
    ['full-width equals', '＝1+1', "'＝1+1"],
    ['full-width plus', '＋1', "'＋1"],
    ['full-width minus', '－1', "'－1"],
    ['full-width at', '＠SUM(A1)', "'＠SUM(A1)"],
    ['small equals', '﹦1', "'﹦1"],
    ['zero-width space', '\u200b=1', "'\u200b=1"],
    ['zero-width non-joiner', '\u200c=1', "'\u200c=1"],
    ['zero-width joiner', '\u200d=1', "'\u200d=1"],
    ['byte order mark', '\ufeff=1', "'\ufeff=1"],
    ['word joiner', '\u2060=1', "'\u2060=1"],
    ['right-to-left override', '\u202e1=', "'\u202e1="],
    ['no-break space', '\u00a0=1', "'\u00a0=1"],
    ['ideographic space', '\u3000=1', "'\u3000=1"],
    ['a value that starts with an apostrophe', "'=1", "''=1"],
    ['a lone apostrophe', "'", "''"],
    ['a product code', '1232001', '1232001'],
    ['Chinese text', '双十一满10减1', '双十一满10减1'],
    ['a formula start later in the cell', 'a=1', 'a=1'],
    ['an ordinary leading space', ' x', ' x'],
    ['empty', '', ''],
  ];

  it.each(cases)('%s: %j → %j', (_what, value, cell) => {
    expect(safeCell(value)).toBe(cell);
  });

  it('is lossless: dropping the first apostrophe of a cell gives the value back', () => {
    const restore = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);
    for (const [, value] of cases) expect(restore(safeCell(value))).toBe(value);
    // The cell of "'=1" and the cell of "=1" differ: a prefix of ours is never ambiguous.
    expect(safeCell("'=1")).not.toBe(safeCell('=1'));
  });
});
