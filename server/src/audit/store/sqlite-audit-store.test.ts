import { describeAuditStore } from '../../../test/conformance/audit-store.suite';
import { openMemoryDatabase } from '../../runtime/console-database';
import { createSqliteAuditLog } from './sqlite-audit-log';
import { createSqliteAuditPurge } from './sqlite-audit-purge';
import { createSqliteAuditQueries } from './sqlite-audit-query';

describeAuditStore('SQLite', async (clock) => {
  const db = openMemoryDatabase();
  return {
    audit: createSqliteAuditLog(db, clock),
    queries: createSqliteAuditQueries(db),
    purge: createSqliteAuditPurge(db),
    async sql(text) {
      const statement = db.prepare(text);
      if (!statement.reader) {
        statement.run();
        return [];
      }
      return statement.all() as Record<string, unknown>[];
    },
    close: async () => {
      db.close();
    },
  };
});
