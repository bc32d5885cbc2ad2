import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestConsole, type TestConsole } from '../../test/support/test-console';
import { AUDIT_CSV_COLUMNS, auditPageResponseSchema } from '../contract/audit';

const DAY = 86_400_000;

describe('GET /api/admin/audit and audit.csv', () => {
  let c: TestConsole;
  let admin: Session;
  beforeAll(async () => {
    c = await startTestConsole();
    admin = await c.signIn('admin');
    const base = Date.parse('2026-03-01T00:00:00Z');
    for (let i = 0; i < 30; i += 1) {
      await c.audit.append({
        username: i % 2 ? 'kim' : 'lee',
        role: 'support',
        action: i % 3 ? 'search' : 'coverage_check',
        outcome: i % 5 ? 'ok' : 'UPSTREAM_REJECTED',
        stockId: i % 4 ? '16000003' : '16000004',
        requestIds: [`req-${i}`],
        detail: i === 0 ? '=HYPERLINK("http://evil")' : i === 2 ? "'=typed with a quote" : null,
        at: base + i * (DAY / 4),
      });
    }
  });
  afterAll(() => c.close());

  const page = async (query: string) => {
    const res = await c.as(admin, 'get', `/api/admin/audit?${query}`);
    expect(res.status, res.text).toBe(200);
    return auditPageResponseSchema.parse(res.body);
  };

  it('pages through newest first', async () => {
    const first = await page('user=kim&page_size=10');
    expect(first.total).toBe(15);
    expect(first.entries).toHaveLength(10);
    const times = first.entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = await page('user=kim&page_size=10&page=2');
    expect(second.entries).toHaveLength(5);
    expect(second.entries.map((e) => e.id)).not.toContain(first.entries[0]?.id);
  });

  it('filters by user, stock, action and date range (a bare `to` date includes its day)', async () => {
    const rows = (await page('user=LEE&stock_id=16000004&action=search&page_size=100')).entries;
    expect(rows.map((e) => e.request_ids[0])).toEqual([
      'req-28',
      'req-20',
      'req-16',
      'req-8',
      'req-4',
    ]);
    for (const e of rows)
      expect(e).toMatchObject({ username: 'lee', stock_id: '16000004', action: 'search' });
    const day = await page('from=2026-03-03&to=2026-03-03&page_size=100');
    expect(day.total).toBe(4);
    for (const e of day.entries) expect(e.at.startsWith('2026-03-03')).toBe(true);
    const hours = await page('from=2026-03-03T06:00:00Z&to=2026-03-03T20:00:00%2B02:00');
    expect(hours.entries.map((e) => e.at)).toEqual([
      '2026-03-03T12:00:00.000Z',
      '2026-03-03T06:00:00.000Z',
    ]);
  });

  it('refuses bad filters naming the parameter', async () => {
    for (const [query, field] of [
      ['action=delete', 'action'],
      ['from=yesterday', 'from'],
      ['page=0', 'page'],
      ['page_size=7', 'page_size'],
      ['sort=at', 'sort'],
      ['user=a&user=b', 'user'],
    ] as const) {
      const res = await c.as(admin, 'get', `/api/admin/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', field });
    }
  });

  it('exports every matching row as CSV with a BOM, formulas neutralised', async () => {
    const res = await c
      .as(admin, 'get', '/api/admin/audit.csv?user=lee')
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{8}\.csv"$/);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(16);
    expect(lines.at(-1)).toContain(`'=HYPERLINK`);
    expect(lines.at(-1)).toContain('req-0');
    // A value that already starts with a quote gets one more: ours stays tellable from theirs.
    expect(lines.at(-2)).toContain(`''=typed with a quote`);
  });

  it('records every export, naming its filters and how many rows left', async () => {
    const res = await c.as(
      admin,
      'get',
      '/api/admin/audit.csv?user=kim&action=search&from=2026-03-02',
    );
    expect(res.status).toBe(200);
    const exported = res.text.trim().split('\n').length - 1;
    const rows = (await page('action=export&page_size=10')).entries;
    expect(rows[0]).toMatchObject({
      id: Number(res.headers['x-audit-id']),
      username: 'admin',
      role: 'admin',
      action: 'export',
      route: 'GET /admin/audit.csv',
      outcome: 'ok',
      detail: `audit rows exported: ${exported}; filters: user=kim, action=search, from=2026-03-02`,
    });
    expect(rows[0]?.client_ip).toMatch(/127\.0\.0\.1$/);
  });

  it('streams large exports in batches', async () => {
    const many = await startTestConsole();
    try {
      for (let i = 0; i < 1203; i += 1)
        await many.audit.append({
          username: 'x',
          role: 'support',
          action: 'search',
          outcome: 'ok',
          at: 1_700_000_000_000 + (i % 7),
        });
      const boss = await many.signIn('admin');
      const res = await many.as(boss, 'get', '/api/admin/audit.csv?action=search');
      const ids = res.text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
      expect(ids).toHaveLength(1203);
      expect(new Set(ids).size).toBe(1203);
    } finally {
      await many.close();
    }
  });
});
