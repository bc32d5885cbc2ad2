import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  type AuditEntry,
  type AuditPageResponse,
  type AuditQuery,
  auditActionSchema,
} from '../contract/audit';

export type AuditFilter = Omit<AuditQuery, 'page' | 'page_size'>;

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The stored row, checked on the way out: the table is read by people settling disputes. */
const rowSchema = z
  .object({
    id: z.number().int(),
    at: z.number().int(),
    username: z.string().nullable(),
    role: z.string().nullable(),
    action: auditActionSchema,
    route: z.string().nullable(),
    stock_id: z.string().nullable(),
    stock_creator_mchid: z.string().nullable(),
    code_count: z.number().int().nullable(),
    outcome: z.string(),
    request_ids: z.string().transform((text) => z.array(z.string()).parse(JSON.parse(text))),
    client_ip: z.string().nullable(),
    detail: z.string().nullable(),
  })
  .transform((row): AuditEntry => ({ ...row, at: new Date(row.at).toISOString() }));

/** `from` is inclusive; `to` is exclusive, and a bare date runs through the end of that day. */
function whereOf(filter: AuditFilter): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, value: string | number) => {
    clauses.push(clause);
    params.push(value);
  };
  if (filter.user) add('username = ?', filter.user.toLowerCase());
  if (filter.stock_id) add('stock_id = ?', filter.stock_id);
  if (filter.action) add('action = ?', filter.action);
  if (filter.from) add('at >= ?', Date.parse(filter.from));
  if (filter.to) {
    add('at < ?', Date.parse(filter.to) + (DATE_ONLY.test(filter.to) ? DAY_MS : 0));
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** One page of the trail, newest first, with the number of rows matching the filter. */
export function queryAuditPage(db: Database, query: AuditQuery): AuditPageResponse {
  const { sql, params } = whereOf(query);
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${sql}`).get(...params) as {
      n: number;
    }
  ).n;
  const rows = db
    .prepare(`SELECT * FROM audit_log ${sql} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`)
    .all(...params, query.page_size, (query.page - 1) * query.page_size);
  return {
    entries: rows.map((row) => rowSchema.parse(row)),
    page: query.page,
    page_size: query.page_size,
    total,
  };
}

/**
 * Every matching row, newest first, read in batches by keyset: an open better-sqlite3 iterator
 * would hold the connection busy while a slow CSV reader applies backpressure.
 */
export function* auditRows(db: Database, filter: AuditFilter, batch = 500): Generator<AuditEntry> {
  const { sql, params } = whereOf(filter);
  const and = sql ? `${sql} AND` : 'WHERE';
  const first = db.prepare(`SELECT * FROM audit_log ${sql} ORDER BY at DESC, id DESC LIMIT ?`);
  const after = db.prepare(
    `SELECT * FROM audit_log ${and} (at < ? OR (at = ? AND id < ?)) ORDER BY at DESC, id DESC LIMIT ?`,
  );
  let rows = first.all(...params, batch);
  while (rows.length > 0) {
    let last: AuditEntry | undefined;
    for (const row of rows) {
      last = rowSchema.parse(row);
      yield last;
    }
    if (!last || rows.length < batch) return;
    const at = Date.parse(last.at);
    rows = after.all(...params, at, at, last.id, batch);
  }
}
