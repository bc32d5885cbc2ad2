import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../accounts/database';
import { createLogger } from '../http/logger';
import { manualClock } from '../sandbox/test-clock';
import { createAuditLog } from './audit-log';
import { DEFAULT_AUDIT_RETENTION_DAYS, purgeExpiredAudit, scheduleAuditPurge } from './audit-purge';

const DAY = 86_400_000;

function setup() {
  const db = openMemoryDatabase();
  const clock = manualClock(Date.parse('2026-03-02T00:00:00Z'));
  const audit = createAuditLog(db, clock);
  const count = () => (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  return { db, clock, audit, count };
}

const row = { username: 'kim', role: 'support', action: 'search', outcome: 'ok' } as const;

describe('the audit log', () => {
  it('appends rows under reserved or fresh ids, never reusing one', () => {
    const { audit, db } = setup();
    const reserved = audit.reserveId();
    const other = audit.append(row);
    expect(audit.append({ ...row, requestIds: ['r1', 'r2'] }, reserved)).toBe(reserved);
    expect(other).toBe(reserved + 1);
    expect(audit.reserveId()).toBe(reserved + 2);
    const stored = db.prepare('SELECT request_ids FROM audit_log WHERE id = ?').get(reserved);
    expect(stored).toEqual({ request_ids: '["r1","r2"]' });
  });

  it('refuses UPDATE of any row', () => {
    const { audit, db } = setup();
    const id = audit.append(row);
    expect(() =>
      db.prepare("UPDATE audit_log SET outcome = 'FORBIDDEN' WHERE id = ?").run(id),
    ).toThrow(/append-only: rows cannot be changed/);
    expect(() => db.prepare('UPDATE audit_log SET username = NULL').run()).toThrow(/append-only/);
  });

  it('refuses DELETE, of new and of old rows alike, outside the retention purge', () => {
    const { audit, db, clock, count } = setup();
    audit.append({ ...row, at: clock.now() - 1000 * DAY });
    audit.append(row);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/only the retention purge/);
    expect(() =>
      db.prepare('DELETE FROM audit_log WHERE at < ?').run(clock.now() - 500 * DAY),
    ).toThrow(/only the retention purge/);
    expect(count()).toBe(2);
  });

  it('purges only rows older than the retention, and closes the gate behind it', () => {
    const { audit, db, clock, count } = setup();
    const now = clock.now();
    audit.append({ ...row, at: now - 401 * DAY });
    audit.append({ ...row, at: now - 400 * DAY - 1 });
    audit.append({ ...row, at: now - 399 * DAY });
    audit.append(row);
    expect(purgeExpiredAudit(db, DEFAULT_AUDIT_RETENTION_DAYS, now)).toBe(2);
    expect(count()).toBe(2);
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_purge_gate').get()).toEqual({ n: 0 });
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/only the retention purge/);
    expect(purgeExpiredAudit(db, 30, now)).toBe(1);
  });

  it('refuses a retention that is not a whole number of days', () => {
    const { db } = setup();
    for (const days of [0, -1, 1.5, Number.NaN]) {
      expect(() => purgeExpiredAudit(db, days, Date.now())).toThrow(RangeError);
    }
  });

  it('clips oversized values so a hostile request cannot bloat the trail', () => {
    const { audit, db } = setup();
    const id = audit.append({
      ...row,
      stockId: 'x'.repeat(10_000),
      requestIds: Array(100).fill('r'),
    });
    const stored = db
      .prepare('SELECT stock_id, request_ids FROM audit_log WHERE id = ?')
      .get(id) as {
      stock_id: string;
      request_ids: string;
    };
    expect(stored.stock_id).toHaveLength(64);
    expect(JSON.parse(stored.request_ids)).toHaveLength(20);
  });
});

describe('the scheduled purge', () => {
  it('purges at once, logs what it removed, and stops when told', () => {
    const { audit, db, clock, count } = setup();
    audit.append({ ...row, at: clock.now() - 500 * DAY });
    audit.append(row);
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const stop = scheduleAuditPurge(db, 400, clock, logger);
    stop();
    expect(count()).toBe(1);
    expect(lines.join('')).toContain('"removed":1');
  });
});
