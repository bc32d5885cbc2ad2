import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/support/manual-clock';
import { type PostgresUnderTest, startPostgres } from '../../test/support/postgres-server';
import { startTestConsole, type TestConsole } from '../../test/support/test-console';
import { type AuditEntry, auditPageResponseSchema } from '../contract/audit';
import { tallyFailedSignIns } from './failed-sign-ins';
import type { AuditLog, AuditRecord } from './store/audit-log';

describe.each([
  ['SQLite', false],
  ['PostgreSQL', true],
])('failed sign-ins from strangers in the audit trail (%s)', (_store, onPostgres) => {
  let c: TestConsole;
  let postgres: PostgresUnderTest | undefined;
  beforeAll(async () => {
    postgres = onPostgres ? await startPostgres() : undefined;
    const databaseUrl = await postgres?.createDatabase();
    c = await startTestConsole({ trustProxy: true, ...(databaseUrl ? { databaseUrl } : {}) });
  }, 30_000);
  afterAll(async () => {
    await c?.close();
    await postgres?.destroy();
  });

  const attempt = (ip: string, username: string) =>
    c
      .http()
      .post('/api/auth/login')
      .set('Origin', c.origin)
      .set('X-Forwarded-For', ip)
      .send({ username, password: 'not-the-password' });
  const failures = async (): Promise<AuditEntry[]> => {
    const admin = await c.signIn('admin');
    const res = await c.as(admin, 'get', '/api/admin/audit?action=login_failed&page_size=100');
    return auditPageResponseSchema.parse(res.body).entries;
  };

  it('add one row per address and minute, however many attempts', async () => {
    for (let i = 0; i < 40; i += 1) await attempt('203.0.113.7', `stranger-${i}`);
    for (let i = 0; i < 3; i += 1) await attempt('203.0.113.7', 'operator');
    await attempt('198.51.100.9', 'support');

    const rows = await failures();
    expect(rows.map((row) => row.client_ip).sort()).toEqual(['198.51.100.9', '203.0.113.7']);
    const flood = rows.find((row) => row.client_ip === '203.0.113.7');
    expect(flood).toMatchObject({ username: null, outcome: 'RATE_LIMITED' });
    expect(flood?.detail).toMatch(/^43 failed sign-ins in this minute: 40 unknown name, 3 wrong/);
    // The address may try 20 times per window (decision 011); the rest are refused unverified.
    expect(flood?.detail).toContain('outcomes: 23 RATE_LIMITED, 20 UNAUTHENTICATED');
    expect(flood?.detail).toContain('accounts: operator');
    expect(flood?.detail).not.toContain('stranger-');
    expect(rows.find((row) => row.client_ip === '198.51.100.9')).toMatchObject({
      username: 'support',
      role: 'support',
      outcome: 'UNAUTHENTICATED',
    });
  });

  it('start a new row in the next minute', async () => {
    const before = (await failures()).length;
    c.clock.advance(60_000);
    for (let i = 0; i < 10; i += 1) await attempt('203.0.113.7', `again-${i}`);
    const rows = await failures();
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]?.detail).toMatch(/^10 failed sign-ins in this minute/);
  });
});

describe('tallyFailedSignIns', () => {
  function recordingLog() {
    const rows: { record: AuditRecord; id: number }[] = [];
    let last = 0;
    const log: AuditLog = {
      reserveId: async () => ++last,
      async append(record, id) {
        const rowId = id ?? ++last;
        rows.push({ record, id: rowId });
        return rowId;
      },
    };
    return { rows, log };
  }
  const failed = (clientIp: string): AuditRecord => ({
    username: null,
    role: null,
    action: 'login_failed',
    outcome: 'UNAUTHENTICATED',
    clientIp,
    detail: 'unknown name',
  });

  it('writes a closed minute at the next failure and the open ones at close', async () => {
    const clock = manualClock(Date.parse('2026-03-02T01:00:10Z'));
    const { rows, log } = recordingLog();
    const tally = tallyFailedSignIns(log, clock);
    const first = await tally.append(failed('10.0.0.1'));
    expect(await tally.append(failed('10.0.0.1'))).toBe(first);
    expect(rows).toHaveLength(0);
    clock.advance(60_000);
    await tally.append(failed('10.0.0.2'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(rows.map((row) => [row.id, row.record.clientIp, row.record.detail])).toEqual([
      [
        first,
        '10.0.0.1',
        '2 failed sign-ins in this minute: 2 unknown name; outcomes: 2 UNAUTHENTICATED',
      ],
    ]);
    expect(rows[0]?.record.at).toBe(Date.parse('2026-03-02T01:00:10Z'));
    await tally.close();
    expect(rows.map((row) => row.record.clientIp)).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it('passes every other record straight through', async () => {
    const { rows, log } = recordingLog();
    const tally = tallyFailedSignIns(log, manualClock());
    await tally.append({ ...failed('10.0.0.1'), action: 'login', outcome: 'ok' });
    expect(rows).toHaveLength(1);
    await tally.close();
  });
});
