import { z } from 'zod';
import {
  type AuditEntry,
  type AuditPageResponse,
  type AuditQuery,
  auditActionSchema,
} from '../../contract/audit';

export type AuditFilter = Omit<AuditQuery, 'page' | 'page_size'>;

/** Reading the trail: in SQLite for one replica, in PostgreSQL for several. */
export interface AuditQueries {
  /** One page of the trail, newest first, with the number of rows matching the filter. */
  page(query: AuditQuery): Promise<AuditPageResponse>;
  /** Every matching row, newest first, read in batches of `batch` rows by keyset. */
  rows(filter: AuditFilter, batch?: number): AsyncIterable<AuditEntry>;
}

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The stored row, checked on the way out: the table is read by people settling disputes. */
export const auditRowSchema = z
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

export const auditCountSchema = z.object({ n: z.number().int() });

export interface Statement {
  sql: string;
  params: (string | number)[];
}

/** How a dialect writes its n-th (1-based) parameter: `?` in SQLite, `$n` in PostgreSQL. */
export type Placeholder = (n: number) => string;

/**
 * The trail's three reads for one filter, in either dialect. `from` is inclusive; `to` is
 * exclusive, and a bare date runs through the end of that day. Rows come newest first, ties
 * broken by id, so pages and keyset batches never skip or repeat a row.
 */
export function auditStatements(filter: AuditFilter, placeholder: Placeholder) {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const next = (value: string | number) => {
    params.push(value);
    return placeholder(params.length);
  };
  if (filter.user) clauses.push(`username = ${next(filter.user.toLowerCase())}`);
  if (filter.stock_id) clauses.push(`stock_id = ${next(filter.stock_id)}`);
  if (filter.action) clauses.push(`action = ${next(filter.action)}`);
  if (filter.from) clauses.push(`at >= ${next(Date.parse(filter.from))}`);
  if (filter.to) {
    const end = Date.parse(filter.to) + (DATE_ONLY.test(filter.to) ? DAY_MS : 0);
    clauses.push(`at < ${next(end)}`);
  }
  const where = (extra: string[]) => {
    const all = [...clauses, ...extra];
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  const order = 'ORDER BY at DESC, id DESC';
  const nth = (offset: number) => placeholder(params.length + offset);

  return {
    count: (): Statement => ({
      sql: `SELECT COUNT(*) AS n FROM audit_log ${where([])}`,
      params,
    }),
    page: (limit: number, offset: number): Statement => ({
      sql: `SELECT * FROM audit_log ${where([])} ${order} LIMIT ${nth(1)} OFFSET ${nth(2)}`,
      params: [...params, limit, offset],
    }),
    batch: (limit: number, after?: AuditEntry): Statement => {
      if (!after) {
        return {
          sql: `SELECT * FROM audit_log ${where([])} ${order} LIMIT ${nth(1)}`,
          params: [...params, limit],
        };
      }
      const at = Date.parse(after.at);
      const keyset = `(at < ${nth(1)} OR (at = ${nth(2)} AND id < ${nth(3)}))`;
      return {
        sql: `SELECT * FROM audit_log ${where([keyset])} ${order} LIMIT ${nth(4)}`,
        params: [...params, at, at, after.id, limit],
      };
    },
  };
}

/**
 * Every row `read` returns, batch after batch, each batch starting after the last row of the
 * previous one: no cursor stays open while a slow CSV reader applies backpressure.
 */
export async function* keysetBatches(
  read: (after: AuditEntry | undefined) => Promise<unknown[]>,
  batch: number,
): AsyncGenerator<AuditEntry> {
  let rows = await read(undefined);
  while (rows.length > 0) {
    let last: AuditEntry | undefined;
    for (const row of rows) {
      last = auditRowSchema.parse(row);
      yield last;
    }
    if (!last || rows.length < batch) return;
    rows = await read(last);
  }
}

/** The page answer from its rows and the matching total. */
export function auditPage(query: AuditQuery, rows: unknown[], total: number): AuditPageResponse {
  return {
    entries: rows.map((row) => auditRowSchema.parse(row)),
    page: query.page,
    page_size: query.page_size,
    total,
  };
}
