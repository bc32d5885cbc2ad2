import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditStore } from '../../test/conformance/audit-store.suite';
import { describeUserStore } from '../../test/conformance/user-store.suite';
import { type PostgresUnderTest, startPostgres } from '../../test/support/postgres-server';
import { migratePostgres } from '../infra/postgres/migrate';
import type { Clock } from '../lib/clock';
import { systemClock } from '../lib/clock';
import { POSTGRES_MIGRATIONS } from './console-schema';
import { openConsoleStore } from './console-store';

let server: PostgresUnderTest;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.destroy());

/** A store on a database of its own, so every test starts empty. */
async function freshStore(clock: Clock) {
  const url = await server.createDatabase();
  const store = await openConsoleStore({ databaseUrl: url, timeoutMs: 2_000, clock });
  return { url, store };
}

describeUserStore('PostgreSQL', async (clock) => {
  const { store } = await freshStore(clock);
  return { users: store.users, close: store.close };
});

describeAuditStore('PostgreSQL', async (clock) => {
  const { url, store } = await freshStore(clock);
  // Straight to the server, past the store: the triggers must refuse what the store never does.
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  return {
    audit: store.audit,
    queries: store.auditQueries,
    purge: store.purge,
    sql: async (text) => (await raw.query<Record<string, unknown>>(text)).rows,
    async close() {
      await raw.end();
      await store.close();
    },
  };
});

describe('the PostgreSQL schema', () => {
  it('is migrated once when two replicas start together, and not again later', async () => {
    const url = await server.createDatabase();
    const open = () => openConsoleStore({ databaseUrl: url, timeoutMs: 2_000, clock: systemClock });
    const [a, b] = await Promise.all([open(), open()]);
    expect([a.kind, b.kind]).toEqual(['postgres', 'postgres']);
    // Both work on the one schema: a user made through one is seen through the other.
    await a.users.create({ username: 'kim', role: 'admin', passwordHash: 'h' });
    expect(await b.users.find('kim')).toMatchObject({ username: 'kim' });
    expect(await b.users.countEnabledAdmins()).toBe(1);
    const ids = [await a.audit.reserveId(), await b.audit.reserveId()];
    expect(new Set(ids).size).toBe(2);
    const pool = new pg.Pool({ connectionString: url });
    try {
      const { rows } = await pool.query('SELECT version, name FROM schema_migrations ORDER BY 1');
      expect(rows).toEqual(POSTGRES_MIGRATIONS.map(({ version, name }) => ({ version, name })));
      expect(await migratePostgres(pool, POSTGRES_MIGRATIONS)).toEqual([]);
    } finally {
      await pool.end();
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('refuses a database migrated by a newer console', async () => {
    const url = await server.createDatabase();
    const pool = new pg.Pool({ connectionString: url });
    try {
      await migratePostgres(pool, POSTGRES_MIGRATIONS);
      await pool.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
      await expect(
        openConsoleStore({ databaseUrl: url, timeoutMs: 2_000, clock: systemClock }),
      ).rejects.toThrow(/schema version 999, newer than this console knows/);
    } finally {
      await pool.end();
    }
  });

  it('says why it cannot start when PostgreSQL is not there', async () => {
    const gone = `postgresql://postgres@127.0.0.1:${server.port}/no_such_database`;
    await expect(
      openConsoleStore({ databaseUrl: gone, timeoutMs: 2_000, clock: systemClock }),
    ).rejects.toThrow(/database "no_such_database" does not exist/);
  });
});
