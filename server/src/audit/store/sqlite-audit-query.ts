import type { Database } from 'better-sqlite3';
import {
  type AuditQueries,
  auditCountSchema,
  auditPage,
  auditStatements,
  keysetBatches,
} from './audit-query';

const question = () => '?';

/** Reading the trail from the console's SQLite database. */
export function createSqliteAuditQueries(db: Database): AuditQueries {
  return {
    async page(query) {
      const statements = auditStatements(query, question);
      const count = statements.count();
      const total = auditCountSchema.parse(db.prepare(count.sql).get(...count.params)).n;
      const page = statements.page(query.page_size, (query.page - 1) * query.page_size);
      return auditPage(query, db.prepare(page.sql).all(...page.params), total);
    },
    rows(filter, batch = 500) {
      const statements = auditStatements(filter, question);
      return keysetBatches(async (after) => {
        const { sql, params } = statements.batch(batch, after);
        return db.prepare(sql).all(...params);
      }, batch);
    },
  };
}
