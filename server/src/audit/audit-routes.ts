import { type Request, type Response, Router } from 'express';
import { accessOf } from '../accounts/request-access';
import {
  AUDIT_CSV_COLUMNS,
  AUDIT_ID_HEADER,
  type AuditEntry,
  auditQuerySchema,
} from '../contract/audit';
import { invalidInput } from '../http/api-error';
import { attachment, streamCsv } from '../http/csv';
import type { Clock } from '../lib/clock';
import type { AuditLog } from './store/audit-log';
import type { AuditFilter, AuditQueries } from './store/audit-query';

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

/** The filters of an export as the admin gave them, e.g. "user=lee, action=search". */
function describeFilter(filter: AuditFilter): string {
  const given = Object.entries(filter).filter(([, value]) => value !== undefined);
  return given.length ? given.map(([name, value]) => `${name}=${value}`).join(', ') : 'none';
}

/**
 * GET /admin/audit (a page, newest first) and GET /admin/audit.csv (every matching row). An
 * export is itself recorded, naming its filters and how many rows left: reading the whole trail
 * out is an act worth a row. Its id is taken first, so a store that is away refuses the export
 * before any row of the trail is sent.
 */
export function auditRouter(queries: AuditQueries, audit: AuditLog, clock: Clock): Router {
  const router = Router();

  router.get('/admin/audit', async (req, res) => {
    const page = await queries.page(parseQuery(req.query));
    res.setHeader('Cache-Control', 'no-store');
    res.json(page);
  });

  router.get('/admin/audit.csv', async (req, res) => {
    const { page: _page, page_size: _size, ...filter } = parseQuery(req.query);
    const at = clock.now();
    const id = await audit.reserveId();
    res.setHeader(AUDIT_ID_HEADER, String(id));
    const day = new Date(at).toISOString().slice(0, 10).replaceAll('-', '');
    attachment(res, `audit-${day}.csv`);
    let exported = 0;
    const rows = async function* () {
      for await (const entry of queries.rows(filter)) {
        exported += 1;
        yield csvRow(entry);
      }
    };
    let outcome = 'aborted';
    try {
      await streamCsv(res, AUDIT_CSV_COLUMNS, rows());
      if (res.writableFinished) outcome = 'ok';
    } catch (error) {
      outcome = 'INTERNAL';
      throw error;
    } finally {
      const detail = `audit rows exported: ${exported}; filters: ${describeFilter(filter)}`;
      await recordExport(audit, req, res, { id, at, outcome, detail });
    }
  });
  return router;
}

async function recordExport(
  audit: AuditLog,
  req: Request,
  res: Response,
  row: { id: number; at: number; outcome: string; detail: string },
): Promise<void> {
  const user = accessOf(res)?.user;
  try {
    await audit.append(
      {
        username: user?.username ?? null,
        role: user?.role ?? null,
        action: 'export',
        route: 'GET /admin/audit.csv',
        outcome: row.outcome,
        clientIp: req.ip ?? null,
        detail: row.detail,
        at: row.at,
      },
      row.id,
    );
  } catch (error) {
    // The file has gone out: a failed write can only be logged.
    req.log?.error({ err: error, auditId: row.id }, 'could not write the audit row');
  }
}
