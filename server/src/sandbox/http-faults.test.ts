import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  itemsUrl,
  json,
  responseVerifies,
  startTestSandbox,
} from '../../test/support/sandbox-http';
import type { FaultKind } from './fault-kinds';
import type { RunningSandbox } from './server';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.stats.reset();
});
afterAll(() => sandbox.close());

const ok = itemsUrl('16000003');

describe('faults.inject', () => {
  it('spoils the next `times` successful answers, then the sandbox behaves again', async () => {
    sandbox.faults.inject('system_error', { times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(sandbox, ok)).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('only touches the matching stock', async () => {
    sandbox.faults.inject('service_unavailable', { match: { stockId: '16000004' } });
    expect((await call(sandbox, ok)).status).toBe(200);
    expect((await call(sandbox, itemsUrl('16000004'))).status).toBe(503);
  });

  it('never replaces an error: a rejected request leaves the fault pending', async () => {
    sandbox.faults.inject('rate_limit');
    expect((await call(sandbox, ok, { headers: { Accept: undefined } })).status).toBe(400);
    expect((await call(sandbox, itemsUrl('16000003', { limit: 500 }))).status).toBe(400);
    const limited = await call(sandbox, ok);
    expect(limited.status).toBe(429);
    expect(json(limited)).toEqual({ code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' });
  });

  it('reset is counted with status 0 and the next call is answered', async () => {
    sandbox.faults.inject('reset');
    await expect(call(sandbox, ok)).rejects.toThrow();
    expect((await call(sandbox, ok)).status).toBe(200);
    expect(sandbox.stats.log().map((e) => e.status)).toEqual([0, 200]);
    expect(sandbox.stats.calls({ path: '/v3/marketing/favor/stocks/16000003/items' })).toBe(2);
    expect(sandbox.stats.calls({ path: /offset=0/ })).toBe(2);
  });

  it('can spoil the certificate download too', async () => {
    sandbox.faults.inject('bad_signature', { match: { path: '/v3/certificates' } });
    const spoiled = await call(sandbox, '/v3/certificates');
    expect(responseVerifies(spoiled, sandbox.credentials.platformPublicKeyPem)).toBe(false);
    expect(
      responseVerifies(await call(sandbox, ok), sandbox.credentials.platformPublicKeyPem),
    ).toBe(true);
  });
});

describe('faults.storm', () => {
  async function weather(seed: number): Promise<number[]> {
    sandbox.faults.clear();
    sandbox.faults.storm({
      probability: 0.5,
      kinds: ['system_error', 'service_unavailable'],
      seed,
    });
    const statuses = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await call(sandbox, ok)).status);
    return statuses;
  }

  it('strikes at random but the same way for the same seed', async () => {
    const first = await weather(7);
    expect(await weather(7)).toEqual(first);
    expect(first).toContain(200);
    expect(first.some((s) => s >= 500)).toBe(true);
  });
});

describe('timeout', () => {
  it('hangs past 3 s, and ends when the sandbox closes', async () => {
    const own = await startTestSandbox();
    own.faults.inject('timeout' satisfies FaultKind);
    const pending = call(own, ok);
    const outcome = await Promise.race([
      pending.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(resolve, 3_200, 'hanging')),
    ]);
    expect(outcome).toBe('hanging');
    const closing = Date.now();
    await own.close();
    await expect(pending).rejects.toThrow();
    expect(Date.now() - closing).toBeLessThan(1000);
  });
});
