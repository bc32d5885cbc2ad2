import type pg from 'pg';
import { z } from 'zod';
import type { Migration } from '../migration';
import { inTransaction } from './transaction';

// Any constant: it names "the console's schema" among the advisory locks of this database.
const MIGRATION_LOCK = 727_011_301;

const versionSchema = z.object({ v: z.number().int().nullable() });

/**
 * Brings the PostgreSQL schema up to date in one transaction that first takes a transaction
 * advisory lock, so replicas starting together migrate one after the other: the second finds
 * the work done. Returns the versions this call applied.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly Migration[],
): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query('SELECT MAX(version) AS v FROM schema_migrations');
    const current = versionSchema.parse(rows[0]).v ?? 0;
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new Error(
        `The PostgreSQL database is at schema version ${current}, newer than this console knows (${newest}): run a newer console or restore a backup`,
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
