// Test-only: what every audit store owes the console (append-only rows, reserved ids, the
// retention purge, pages and keyset batches), run against SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import type { AuditLog } from '../../src/audit/store/audit-log';
import {
  type AuditPurge,
  DEFAULT_AUDIT_RETENTION_DAYS,
  scheduleAuditPurge,
} from '../../src/audit/store/audit-purge';
import type { AuditFilter, AuditQueries } from '../../src/audit/store/audit-query';
import type { AuditEntry } from '../../src/contract/audit';
import { createLogger } from '../../src/http/logger';
import type { Clock } from '../../src/lib/clock';
import { manualClock } from '../support/manual-clock';

const DAY = 86_400_000;

export interface AuditStoreUnderTest {
  audit: AuditLog;
  queries: AuditQueries;
  purge: AuditPurge;
  /** Runs raw SQL (no parameters) straight on the database, bypassing the store. */
  sql(text: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const row = { username: 'kim', role: 'support', action: 'search', outcome: 'ok' } as const;

async function collect(rows: AsyncIterable<AuditEntry>): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  for await (const entry of rows) all.push(entry);
  return all;
}

/** `open` returns an empty trail on the clock it is given. */
export function describeAuditStore(
  name: string,
  open: (clock: Clock) => Promise<AuditStoreUnderTest>,
): void {
  async function setup() {
    const clock = manualClock(Date.parse('2026-03-02T00:00:00Z'));
    const store = await open(clock);
    const count = async () =>
      Number((await store.sql('SELECT COUNT(*) AS n FROM audit_log'))[0]?.n);
    return { clock, count, ...store };
  }

  describe(`the audit log in ${name}`, () => {
    it('appends rows under reserved or fresh ids, never reusing one', async () => {
      const { audit, sql, close } = await setup();
      const reserved = await audit.reserveId();
      const other = await audit.append(row);
      expect(await audit.append({ ...row, requestIds: ['r1', 'r2'] }, reserved)).toBe(reserved);
      expect(other).toBe(reserved + 1);
      expect(await audit.reserveId()).toBe(reserved + 2);
      const stored = await sql(`SELECT request_ids FROM audit_log WHERE id = ${reserved}`);
      expect(stored).toEqual([{ request_ids: '["r1","r2"]' }]);
      await close();
    });

    it('refuses UPDATE of any row', async () => {
      const { audit, sql, close } = await setup();
      const id = await audit.append(row);
      await expect(
        sql(`UPDATE audit_log SET outcome = 'FORBIDDEN' WHERE id = ${id}`),
      ).rejects.toThrow(/append-only: rows cannot be changed/);
      await expect(sql('UPDATE audit_log SET username = NULL')).rejects.toThrow(/append-only/);
      expect((await sql(`SELECT outcome FROM audit_log WHERE id = ${id}`))[0]).toEqual({
        outcome: 'ok',
      });
      await close();
    });

    it('refuses DELETE, of new and of old rows alike, outside the retention purge', async () => {
      const { audit, sql, clock, count, close } = await setup();
      await audit.append({ ...row, at: clock.now() - 1000 * DAY });
      await audit.append(row);
      await expect(sql('DELETE FROM audit_log')).rejects.toThrow(/only the retention purge/);
      await expect(
        sql(`DELETE FROM audit_log WHERE at < ${clock.now() - 500 * DAY}`),
      ).rejects.toThrow(/only the retention purge/);
      expect(await count()).toBe(2);
      await close();
    });

    it('purges only rows older than the retention, and closes the gate behind it', async () => {
      const { audit, purge, sql, clock, count, close } = await setup();
      const now = clock.now();
      await audit.append({ ...row, at: now - 401 * DAY });
      await audit.append({ ...row, at: now - 400 * DAY - 1 });
      await audit.append({ ...row, at: now - 399 * DAY });
      await audit.append(row);
      expect(await purge.purgeExpired(DEFAULT_AUDIT_RETENTION_DAYS, now)).toBe(2);
      expect(await count()).toBe(2);
      expect(Number((await sql('SELECT COUNT(*) AS n FROM audit_purge_gate'))[0]?.n)).toBe(0);
      await expect(sql('DELETE FROM audit_log')).rejects.toThrow(/only the retention purge/);
      expect(await purge.purgeExpired(30, now)).toBe(1);
      await close();
    });

    it('refuses a retention that is not a whole number of days', async () => {
      const { purge, close } = await setup();
      for (const days of [0, -1, 1.5, Number.NaN]) {
        await expect(purge.purgeExpired(days, Date.now())).rejects.toThrow(RangeError);
      }
      await close();
    });

    it('clips oversized values so a hostile request cannot bloat the trail', async () => {
      const { audit, sql, close } = await setup();
      const id = await audit.append({
        ...row,
        stockId: 'x'.repeat(10_000),
        requestIds: Array(100).fill('r'),
      });
      const [stored] = await sql(`SELECT stock_id, request_ids FROM audit_log WHERE id = ${id}`);
      expect(String(stored?.stock_id)).toHaveLength(64);
      expect(JSON.parse(String(stored?.request_ids))).toHaveLength(20);
      await close();
    });

    it('purges at once when scheduled, logs what it removed, and stops when told', async () => {
      const { audit, purge, clock, count, close } = await setup();
      await audit.append({ ...row, at: clock.now() - 500 * DAY });
      await audit.append(row);
      const lines: string[] = [];
      const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
      await scheduleAuditPurge(purge, 400, clock, logger)();
      expect(await count()).toBe(1);
      expect(lines.join('')).toContain('"removed":1');
      await close();
    });
  });

  describe(`reading the audit trail in ${name}`, () => {
    // 12 rows, three to an instant, so ties in `at` are broken by id.
    async function seeded() {
      const fixture = await setup();
      const base = Date.parse('2026-03-01T22:00:00Z');
      for (let i = 0; i < 12; i += 1) {
        await fixture.audit.append({
          ...row,
          username: i % 2 ? 'kim' : 'lee',
          action: i % 3 ? 'search' : 'coverage_check',
          stockId: i % 4 ? '16000003' : '16000004',
          requestIds: [`req-${i}`],
          codeCount: i,
          at: base + Math.floor(i / 3) * 3_600_000,
        });
      }
      return fixture;
    }
    const ids = (entries: AuditEntry[]) => entries.map((e) => Number(e.request_ids[0]?.slice(4)));
    const all: AuditFilter = {};

    it('pages newest first, ties by the later id, with the matching total', async () => {
      const { queries, close } = await seeded();
      const first = await queries.page({ ...all, page: 1, page_size: 5 });
      expect(first).toMatchObject({ page: 1, page_size: 5, total: 12 });
      expect(ids(first.entries)).toEqual([11, 10, 9, 8, 7]);
      expect(first.entries[0]).toEqual({
        id: expect.any(Number),
        at: '2026-03-02T01:00:00.000Z',
        username: 'kim',
        role: 'support',
        action: 'search',
        route: null,
        stock_id: '16000003',
        stock_creator_mchid: null,
        code_count: 11,
        outcome: 'ok',
        request_ids: ['req-11'],
        client_ip: null,
        detail: null,
      });
      const third = await queries.page({ ...all, page: 3, page_size: 5 });
      expect(ids(third.entries)).toEqual([1, 0]);
      await close();
    });

    it('filters by user (any case), stock, action and time (a bare `to` date includes its day)', async () => {
      const { queries, close } = await seeded();
      const page = (filter: AuditFilter) =>
        queries.page({ ...all, ...filter, page: 1, page_size: 100 });
      expect(ids((await page({ user: 'KIM', action: 'search' })).entries)).toEqual([11, 7, 5, 1]);
      expect(ids((await page({ stock_id: '16000004' })).entries)).toEqual([8, 4, 0]);
      expect((await page({ to: '2026-03-01' })).total).toBe(6);
      expect((await page({ from: '2026-03-02' })).total).toBe(6);
      expect(
        ids((await page({ from: '2026-03-01T23:00:00Z', to: '2026-03-02T00:00:00Z' })).entries),
      ).toEqual([5, 4, 3]);
      await close();
    });

    it('reads every matching row in keyset batches, in page order, none skipped or repeated', async () => {
      const { queries, close } = await seeded();
      const everything = await queries.page({ ...all, page: 1, page_size: 100 });
      for (const batch of [1, 2, 3, 5, 500]) {
        expect(await collect(queries.rows(all, batch))).toEqual(everything.entries);
      }
      expect(ids(await collect(queries.rows({ ...all, user: 'lee' }, 2)))).toEqual([
        10, 8, 6, 4, 2, 0,
      ]);
      expect(await collect(queries.rows({ ...all, user: 'nobody' }))).toEqual([]);
      await close();
    });
  });
}
