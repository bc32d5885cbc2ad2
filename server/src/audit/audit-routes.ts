import { Router } from 'express';
import { AUDIT_CSV_COLUMNS, type AuditEntry, auditQuerySchema } from '../contract/audit';
import { invalidInput } from '../http/api-error';
import { attachment, streamCsv } from '../http/csv';
import type { Clock } from '../lib/clock';
import type { AuditQueries } from './store/audit-query';

function parseQuery(query: unknown) {
  const parsed = auditQuerySchema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const unknownKey = issue?.code === 'unrecognized_keys';
  const field = String((unknownKey ? issue.keys[0] : issue?.path[0]) ?? 'query');
  const value =
    typeof query === 'object' && query !== null ? (query as Record<string, unknown>)[field] : null;
  throw invalidInput({ field, rule: issue?.message ?? 'invalid', value: value ?? null });
}

function csvRow(entry: AuditEntry): string[] {
  return AUDIT_CSV_COLUMNS.map((column) => {
    const value = entry[column];
    if (column === 'request_ids') return entry.request_ids.join(' ');
    return value === null ? '' : String(value);
  });
}

/** GET /admin/audit (a page, newest first) and GET /admin/audit.csv (every matching row). */
export function auditRouter(queries: AuditQueries, clock: Clock): Router {
  const router = Router();

  router.get('/admin/audit', async (req, res) => {
    const page = await queries.page(parseQuery(req.query));
    res.setHeader('Cache-Control', 'no-store');
    res.json(page);
  });

  router.get('/admin/audit.csv', async (req, res) => {
    const { page: _page, page_size: _size, ...filter } = parseQuery(req.query);
    const day = new Date(clock.now()).toISOString().slice(0, 10).replaceAll('-', '');
    attachment(res, `audit-${day}.csv`);
    const rows = async function* () {
      for await (const entry of queries.rows(filter)) yield csvRow(entry);
    };
    await streamCsv(res, AUDIT_CSV_COLUMNS, rows());
  });
  return router;
}
