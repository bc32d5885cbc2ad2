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
  it('neutralises cells a spreadsheet would evaluate', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCell('+1')).toBe("'+1");
    expect(safeCell('-A1')).toBe("'-A1");
    expect(safeCell('@SUM')).toBe("'@SUM");
    expect(safeCell('1232001')).toBe('1232001');
  });
});
