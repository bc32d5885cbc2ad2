import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainWechatPayError } from '../../src/explanations/find-explanation';
import { errorScenarios, type RunningSandbox } from '../../src/sandbox/sandbox';
import type { WechatPayResult } from '../../src/wechatpay/errors';
import { clientFor, itemsQuery, startIntegrationSandbox } from '../support/wiring';

const MAX_RETRIES = 1;
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startIntegrationSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

/** The Request-ID the sandbox sent on its latest answer for this stock. */
function lastRequestId(stockId: string): string | undefined {
  return sandbox.stats
    .log()
    .filter((entry) => entry.stockId === stockId)
    .at(-1)?.requestId;
}

const OPERATIONS = ['listAvailableItems', 'getStock'] as const;

describe.each(OPERATIONS)('%s on every row of the error table', (operation) => {
  it.each(errorScenarios)('$id answers $row.code $row.message', async ({ id, row }) => {
    const client = clientFor(sandbox, { maxRetries: MAX_RETRIES });
    const before = sandbox.stats.calls({ stockId: id });
    const result: WechatPayResult<unknown> =
      operation === 'getStock'
        ? await client.getStock(itemsQuery(id))
        : await client.listAvailableItems(itemsQuery(id, 0, 10));
    const rateLimited = row.status === 429;
    // Only the rate limit is worth asking again; a 4xx is final at the first answer.
    const attempts = rateLimited ? 1 + MAX_RETRIES : 1;
    expect(sandbox.stats.calls({ stockId: id }) - before).toBe(attempts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.attempts).toBe(attempts);
    expect(result.error).toMatchObject({
      kind: rateLimited ? 'rate_limited' : 'upstream_rejected',
      retryable: rateLimited,
      status: row.status,
      upstream: { code: row.code, message: row.message },
    });
    expect(result.error.requestId).toBeDefined();
    expect(result.error.requestId).toBe(lastRequestId(id));
  });
});

describe('explanations of the error table', () => {
  it('resolves every row to its own entry, never a fallback', async () => {
    const client = clientFor(sandbox, { maxRetries: 0 });
    const ids: string[] = [];
    for (const { id, row } of errorScenarios) {
      const result = await client.listAvailableItems(itemsQuery(id, 0, 10));
      if (result.ok) throw new Error(`${id} unexpectedly succeeded`);
      const entry = explainWechatPayError(result.error);
      // A row's own entry matches on status, code and the exact message; code-only and
      // status-only entries are the fallbacks.
      expect(entry.match, `${id} → ${entry.id}`).toEqual({
        status: row.status,
        code: row.code,
        message: row.message,
      });
      expect(entry.id.startsWith(`upstream.${row.code}.`), entry.id).toBe(true);
      ids.push(entry.id);
    }
    expect(new Set(ids).size).toBe(errorScenarios.length);
    expect(errorScenarios).toHaveLength(23);
  });
});
