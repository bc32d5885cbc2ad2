import type { Request } from 'express';
import { z } from 'zod';
import type { RouteRule } from '../accounts/permissions';
import type { RequestAccess } from '../accounts/request-access';
import type { AuditRecord } from './store/audit-log';

// Read leniently: a request refused for bad input is still recorded with what it did carry.
const requestSchema = z
  .object({
    stock_creator_mchid: z.string().catch(''),
    codes: z.array(z.unknown()).optional().catch(undefined),
  })
  .partial()
  .catch({});

/** What our own stock answers carry that the trail keeps: counts, Request-IDs, error code. */
const answerSchema = z
  .object({
    request_id: z.string().nullish().catch(null),
    data: z.array(z.unknown()).optional().catch(undefined),
    items: z.array(z.unknown()).optional().catch(undefined),
    error: z.object({ code: z.string(), requestId: z.string().optional() }).nullish().catch(null),
    evidence: z
      .object({ request_ids: z.object({ first: z.array(z.string()), last: z.array(z.string()) }) })
      .optional()
      .catch(undefined),
  })
  .partial()
  .catch({});

// The scan's first and last few, like the coverage evidence: enough to quote, never thousands.
const routeIdsSchema = z
  .array(z.string())
  .catch([])
  .transform((ids) => (ids.length > 6 ? [...ids.slice(0, 3), ...ids.slice(-3)] : ids));

/** The stock id as it appears in /stocks/:stockId/…, decoded when it can be. */
export function stockIdOfPath(path: string): string | null {
  const raw = path.split('/')[2];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function firstText(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === 'string' && value !== '') return value;
  return null;
}

/** The audit row of a stock request: who, which stock, how many codes, and what came back. */
export function stockRequestFacts(input: {
  req: Request;
  /** req.path as the /api routers saw it: Express restores the full URL after them. */
  path: string;
  access: RequestAccess;
  rule: RouteRule & { audit: NonNullable<RouteRule['audit']> };
  status: number;
  answer: unknown;
  /** Request-IDs a route left in res.locals.requestIds (CSV answers cannot carry them). */
  routeRequestIds?: unknown;
  aborted?: boolean;
}): AuditRecord {
  const { req, access, rule, status } = input;
  const body = requestSchema.parse(req.body);
  const answer = answerSchema.parse(input.answer);
  const evidence = answer.evidence?.request_ids;
  const requestIds = [
    ...(answer.request_id ? [answer.request_id] : []),
    ...(answer.error?.requestId ? [answer.error.requestId] : []),
    ...(evidence ? [...evidence.first, ...evidence.last] : []),
    ...routeIdsSchema.parse(input.routeRequestIds),
  ];
  const codeCount = body.codes?.length ?? answer.items?.length ?? answer.data?.length ?? null;
  const outcome = input.aborted
    ? 'aborted'
    : status < 400
      ? 'ok'
      : (answer.error?.code ?? `HTTP_${status}`);
  return {
    username: access.user.username,
    role: access.user.role,
    action: rule.audit,
    route: `${rule.method} ${rule.path}`,
    stockId: stockIdOfPath(input.path),
    stockCreatorMchid: firstText(req.query.stock_creator_mchid, body.stock_creator_mchid),
    codeCount: status < 400 ? codeCount : (body.codes?.length ?? null),
    outcome,
    requestIds: [...new Set(requestIds)],
    clientIp: req.ip ?? null,
  };
}
