import type { Database } from 'better-sqlite3';
import { createSqliteUserStore } from '../accounts/sqlite-user-store';
import { createSqliteAuditLog } from '../audit/sqlite-audit-log';
import { createSqliteAuditPurge } from '../audit/sqlite-audit-purge';
import { createSqliteAuditQueries } from '../audit/sqlite-audit-query';
import type { Clock } from '../lib/clock';
import type { ConsoleStore } from './console-store';

/** Users, audit, sessions and throttling all in one SQLite database. */
export function sqliteStore(db: Database, clock: Clock): ConsoleStore {
  return {
    kind: 'sqlite',
    users: createSqliteUserStore(db, clock),
    audit: createSqliteAuditLog(db, clock),
    auditQueries: createSqliteAuditQueries(db),
    purge: createSqliteAuditPurge(db),
    sqlite: db,
    healthy: async () => db.open,
    close: async () => {
      if (db.open) db.close();
    },
  };
}
