import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultKind, RunningSandbox } from '../../src/sandbox/sandbox';
import { clientFor, itemsQuery, startIntegrationSandbox } from '../support/wiring';
import { FAULT_OUTCOMES, faultKindsWhere, scenarioIdOf } from './fault-outcomes';

// Faults the client may cure by asking again: 5xx, 429, dropped and hung connections.
const RETRIED = faultKindsWhere((outcome) => outcome.retried);
const MAX_RETRIES = 2;
// Hung answers cost a whole timeout per attempt: one retry, and a timeout short enough to keep
// the test fast yet long enough for the healthy retry to answer within it on a busy machine.
const HUNG = { timeoutMs: 1_000, maxRetries: 1 };

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startIntegrationSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const clientForFault = (fault: FaultKind) =>
  clientFor(sandbox, FAULT_OUTCOMES[fault].hangs ? HUNG : { maxRetries: MAX_RETRIES });
const retriesFor = (fault: FaultKind) =>
  FAULT_OUTCOMES[fault].hangs ? HUNG.maxRetries : MAX_RETRIES;

describe('a fault on every call', () => {
  it.each(RETRIED)('%s is retried maxRetries times, then reported', async (fault) => {
    const stockId = '16000003';
    const expected = FAULT_OUTCOMES[fault];
    const calls = 1 + retriesFor(fault);
    // The burst scenario lets every other call through, so the persistent case is injected.
    sandbox.faults.inject(fault, { times: calls, match: { stockId } });
    const before = sandbox.stats.calls({ stockId });
    const result = await clientForFault(fault).listAvailableItems(itemsQuery(stockId, 0, 10));
    sandbox.faults.clear();
    expect(sandbox.stats.calls({ stockId }) - before).toBe(calls);
    expect(result).toMatchObject({
      ok: false,
      attempts: calls,
      error: { kind: expected.kind, retryable: true },
    });
    if (result.ok) return;
    expect(result.error.cause).toBe(expected.cause);
    expect(result.error.status).toBe(expected.status);
  });

  it.each(RETRIED.filter((fault) => fault !== 'rate_limit'))(
    'scenario stock of %s fails the same way',
    async (fault) => {
      const stockId = scenarioIdOf(fault);
      const calls = 1 + retriesFor(fault);
      const before = sandbox.stats.calls({ stockId });
      const result = await clientForFault(fault).getStock(itemsQuery(stockId));
      expect(sandbox.stats.calls({ stockId }) - before).toBe(calls);
      const { kind, cause, status } = FAULT_OUTCOMES[fault];
      expect(result).toMatchObject({ ok: false, attempts: calls, error: { kind, cause } });
      if (!result.ok) expect(result.error.status).toBe(status);
    },
  );
});

describe('a fault on one call', () => {
  it.each(RETRIED)('%s once: the retry succeeds', async (fault) => {
    const stockId = '16000004';
    sandbox.faults.inject(fault, { match: { stockId } });
    const before = sandbox.stats.calls({ stockId });
    const result = await clientForFault(fault).listAvailableItems(itemsQuery(stockId, 0, 10));
    expect(result).toMatchObject({ ok: true, attempts: 2, data: { total_count: 250 } });
    expect(sandbox.stats.calls({ stockId }) - before).toBe(2);
  });

  it('the burst rate-limit scenario answers 429 then 200: one retry, one success', async () => {
    const stockId = scenarioIdOf('rate_limit');
    const client = clientFor(sandbox, { maxRetries: MAX_RETRIES });
    for (let round = 1; round <= 2; round += 1) {
      const result = await client.listAvailableItems(itemsQuery(stockId, 0, 10));
      expect(result).toMatchObject({ ok: true, attempts: 2, data: { total_count: 20 } });
      expect(sandbox.stats.calls({ stockId, status: 429 })).toBe(round);
      expect(sandbox.stats.calls({ stockId, status: 200 })).toBe(round);
    }
  });

  it('does not retry a 4xx', async () => {
    const before = sandbox.stats.calls({ stockId: '12345678' });
    const result = await clientFor(sandbox).listAvailableItems(itemsQuery('12345678'));
    expect(result).toMatchObject({
      ok: false,
      attempts: 1,
      error: { kind: 'upstream_rejected', status: 404, upstream: { code: 'RESOURCE_NOT_EXISTS' } },
    });
    expect(sandbox.stats.calls({ stockId: '12345678' }) - before).toBe(1);
  });
});
