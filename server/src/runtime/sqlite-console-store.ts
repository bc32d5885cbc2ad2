import type { Database } from 'better-sqlite3';
import { createSqliteLoginThrottle } from '../accounts/store/login-throttle';
import { createSqliteSessionStore } from '../accounts/store/sqlite-session-store';
import { createSqliteUserStore } from '../accounts/store/sqlite-user-store';
import { createSqliteAuditLog } from '../audit/store/sqlite-audit-log';
import { createSqliteAuditPurge } from '../audit/store/sqlite-audit-purge';
import { createSqliteAuditQueries } from '../audit/store/sqlite-audit-query';
import type { Clock } from '../lib/clock';
import type { ConsoleStore } from './console-store-type';

/** Users, audit, sessions and throttling all in one SQLite database. */
export function sqliteStore(db: Database, clock: Clock): ConsoleStore {
  return {
    kind: 'sqlite',
    users: createSqliteUserStore(db, clock),
    audit: createSqliteAuditLog(db, clock),
    auditQueries: createSqliteAuditQueries(db),
    purge: createSqliteAuditPurge(db),
    sessions: createSqliteSessionStore(db, clock),
    throttle: createSqliteLoginThrottle(db, clock),
    healthy: async () => db.open,
    close: async () => {
      if (db.open) db.close();
    },
  };
}
