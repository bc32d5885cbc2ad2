import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/lib/clock';
import { foreignPrivateKey } from '../../src/sandbox/keys';
import type { RunningSandbox } from '../../src/sandbox/sandbox';
import { clientFor, itemsQuery, startIntegrationSandbox } from '../support/wiring';
import { FAULT_OUTCOMES, faultKindsWhere, scenarioIdOf } from './fault-outcomes';

const CERTIFICATES = '/v3/certificates';
// Faults that spoil a 2xx the client must refuse at once: signatures, headers, shape.
const REFUSED = faultKindsWhere((outcome) => !outcome.retried);
// Faults that bend or replay an items page only; stock details answer normally under them.
const PAGE_ONLY = new Set([
  'total_mismatch',
  'duplicate_codes',
  'replayed_offset',
  'replayed_stock',
]);

// None of these faults hangs, so no client timeout belongs in these tests: a loaded machine that
// answers late (the sandbox generates its foreign key on first use) must not turn a refusal into
// a timeout and a retry. Below the test's own 20 s limit.
const NO_TIMEOUT_MS = 15_000;

const sandboxes: RunningSandbox[] = [];
let byMode: Record<'public_key' | 'certificate', RunningSandbox>;

beforeAll(async () => {
  // The sandbox makes its foreign key on first use: a key generation, seconds on a busy
  // machine, that must not land inside the first foreign_key call.
  await foreignPrivateKey();
  const publicKey = await startIntegrationSandbox({ signing: 'public_key' });
  const certificate = await startIntegrationSandbox({ signing: 'certificate' });
  sandboxes.push(publicKey, certificate);
  byMode = { public_key: publicKey, certificate };
});
afterAll(async () => {
  await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
});

describe.each(['public_key', 'certificate'] as const)('client in %s mode', (mode) => {
  it.each(REFUSED)('%s → its error kind after exactly one call', async (fault) => {
    const sandbox = byMode[mode];
    const stockId = scenarioIdOf(fault);
    const client = clientFor(sandbox, { verification: mode, timeoutMs: NO_TIMEOUT_MS });
    const before = sandbox.stats.calls({ stockId });
    const result = await client.listAvailableItems(itemsQuery(stockId, 0, 10));
    expect(result).toMatchObject({
      ok: false,
      attempts: 1,
      error: { kind: FAULT_OUTCOMES[fault].kind, retryable: false, status: 200 },
    });
    expect(sandbox.stats.calls({ stockId }) - before).toBe(1);
    if (!result.ok) {
      const last = sandbox.stats
        .log()
        .filter((entry) => entry.stockId === stockId)
        .at(-1);
      expect(result.error.requestId).toBe(last?.requestId);
    }
  });

  it.each(REFUSED.filter((fault) => !PAGE_ONLY.has(fault)))(
    'getStock: %s is refused too',
    async (fault) => {
      const sandbox = byMode[mode];
      const client = clientFor(sandbox, { verification: mode, timeoutMs: NO_TIMEOUT_MS });
      const result = await client.getStock(itemsQuery(scenarioIdOf(fault)));
      expect(result).toMatchObject({
        ok: false,
        attempts: 1,
        error: { kind: FAULT_OUTCOMES[fault].kind },
      });
    },
  );
});

describe('certificate mode', () => {
  it('refreshes certificates on an unknown serial at most once a minute', async () => {
    const sandbox = byMode.certificate;
    const stockId = scenarioIdOf('unknown_serial');
    let skewMs = 0;
    const clock = { now: () => Date.now() + skewMs, sleep: systemClock.sleep };
    const client = clientFor(sandbox, { verification: 'certificate', clock });
    const downloads = () => sandbox.stats.calls({ path: CERTIFICATES });
    const start = downloads();
    const call = () => client.listAvailableItems(itemsQuery(stockId, 0, 10));

    expect(await call()).toMatchObject({ ok: false, error: { kind: 'unknown_serial' } });
    expect(await call()).toMatchObject({ ok: false, error: { kind: 'unknown_serial' } });
    expect(downloads() - start).toBe(1); // the first load; the unknown serial waits its minute
    skewMs = 61_000;
    expect(await call()).toMatchObject({ ok: false, error: { kind: 'unknown_serial' } });
    expect(await call()).toMatchObject({ ok: false, error: { kind: 'unknown_serial' } });
    expect(downloads() - start).toBe(2);
    // The refresh did not drop the good certificate: honest answers still verify.
    expect(await client.listAvailableItems(itemsQuery('16000003'))).toMatchObject({ ok: true });
    expect(client.platformSerials()).toEqual([sandbox.credentials.platformSerialNo]);
  });

  it('does not trust a certificate download whose own signature fails', async () => {
    const sandbox = byMode.certificate;
    sandbox.faults.inject('bad_signature', { match: { path: CERTIFICATES } });
    const client = clientFor(sandbox, { verification: 'certificate' });
    const result = await client.listAvailableItems(itemsQuery('16000003'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknown_serial' } });
    expect(client.platformSerials()).toEqual([]);
  });
});
