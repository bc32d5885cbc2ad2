// The soak's traffic: one request of a seeded mix (lookups, scans, coverage, search), judged by
// what it answered. Errors a sandbox fault explains are expected; anything else is not, and a
// wrong answer (forged or missing data shown as fact) is the worst outcome of all.
import { z } from 'zod';
import { apiErrorBodySchema } from '../src/contract/error';
import { coverageResponseSchema, itemsPageResponseSchema } from '../src/contract/stocks';
import { SANDBOX_MCHID } from '../src/sandbox/sandbox';
import { codesOfStock } from '../test/support/wiring';

export type Outcome = 'ok' | 'injected' | 'unexplained' | 'wrong';
export interface Sample {
  kind: string;
  outcome: Outcome;
  ms: number;
  detail?: string;
}

/** Our wire codes that the storm's fault kinds produce. */
const FAULT_CODES = new Set([
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_RATE_LIMITED',
  'BAD_SIGNATURE',
  'UNKNOWN_SERIAL',
  'RESPONSE_UNSIGNED',
  'MALFORMED_RESPONSE',
]);
const STOCKS = ['16000003', '16000004', '16000005', '16000006'] as const;
const Q = `stock_creator_mchid=${SANDBOX_MCHID}`;
const progressSchema = z.looseObject({ state: z.string() });

type Check = (status: number, body: unknown) => Outcome | undefined;
interface Plan {
  kind: string;
  path: string;
  body?: unknown;
  check: Check;
}

const okIf =
  (...statuses: number[]): Check =>
  (status) =>
    statuses.includes(status) ? 'ok' : undefined;

function lookupPlan(stockId: string, pick: () => number): Plan {
  const truth = codesOfStock(stockId);
  const pages = Math.ceil(Math.min(truth.length, 50_100) / 100);
  const offset = Math.floor(pick() * pages);
  return {
    kind: 'page lookup',
    path: `/api/stocks/${stockId}/items?${Q}&offset=${offset}&limit=100`,
    check: (status, body) => {
      if (status !== 200) return undefined;
      const page = itemsPageResponseSchema.parse(body);
      const expected = truth.slice(offset * 100, offset * 100 + 100);
      return JSON.stringify(page.data) === JSON.stringify(expected) ? 'ok' : 'wrong';
    },
  };
}

function coveragePlan(stockId: string, pick: () => number): Plan {
  const truth = codesOfStock(stockId);
  const known = [0, 1, 2].map(() => truth[Math.floor(pick() * truth.length)] as string);
  const codes = [...new Set(known)].concat(`NOT-A-CODE-${Math.floor(pick() * 1e6)}`);
  return {
    kind: 'coverage',
    path: `/api/stocks/${stockId}/coverage`,
    body: { stock_creator_mchid: SANDBOX_MCHID, codes },
    check: (status, body) => {
      if (status !== 200) return undefined;
      const answer = coverageResponseSchema.parse(body);
      const complete = answer.evidence.complete;
      const wrong = answer.results.some(({ code, status: said }) => {
        const real = truth.includes(code);
        if (said === 'unknown') return complete;
        return said !== (real ? 'covered' : 'not_covered');
      });
      return wrong ? 'wrong' : 'ok';
    },
  };
}

/** Chooses the next request from a seeded draw: mostly lookups, then coverage, search, scans. */
export function nextPlan(pick: () => number): Plan {
  const roll = pick();
  const stockId = STOCKS[Math.floor(pick() * STOCKS.length)] as string;
  const small = STOCKS[Math.floor(pick() * 3)] as string;
  if (roll < 0.45) return lookupPlan(stockId, pick);
  if (roll < 0.55)
    return { kind: 'details', path: `/api/stocks/${stockId}?${Q}`, check: okIf(200) };
  if (roll < 0.75) return coveragePlan(small, pick);
  if (roll < 0.85) {
    return { kind: 'search', path: `/api/stocks/${small}/codes?${Q}&q=a`, check: okIf(200, 409) };
  }
  if (roll < 0.95) {
    const check: Check = (status, body) =>
      status === 409 || (status === 200 && progressSchema.safeParse(body).success)
        ? 'ok'
        : undefined;
    return { kind: 'scan progress', path: `/api/stocks/${small}/scans/latest?${Q}`, check };
  }
  const body = { stock_creator_mchid: SANDBOX_MCHID, refresh: true };
  return { kind: 'scan', path: `/api/stocks/${small}/scans`, body, check: okIf(200, 202) };
}

/** Sends one planned request (as the signed-in user `auth` names) and judges its answer. */
export async function run(
  baseUrl: string,
  plan: Plan,
  auth: Record<string, string>,
): Promise<Sample> {
  const started = performance.now();
  const sample = (outcome: Outcome, detail?: string): Sample => ({
    kind: plan.kind,
    outcome,
    ms: performance.now() - started,
    ...(detail ? { detail } : {}),
  });
  try {
    const res = await fetch(`${baseUrl}${plan.path}`, {
      method: plan.body ? 'POST' : 'GET',
      headers: plan.body ? { ...auth, 'content-type': 'application/json' } : auth,
      body: plan.body ? JSON.stringify(plan.body) : null,
      signal: AbortSignal.timeout(15_000),
    });
    const body: unknown = await res.json();
    const judged = plan.check(res.status, body);
    if (judged) return sample(judged, judged === 'wrong' ? plan.path : undefined);
    const error = apiErrorBodySchema.safeParse(body);
    if (error.success && FAULT_CODES.has(error.data.error.code)) return sample('injected');
    return sample(
      'unexplained',
      `${plan.kind} ${res.status} ${JSON.stringify(body).slice(0, 200)}`,
    );
  } catch (thrown) {
    return sample(
      'unexplained',
      `${plan.kind}: ${thrown instanceof Error ? thrown.message : thrown}`,
    );
  }
}
