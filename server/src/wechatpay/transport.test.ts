import { afterEach, describe, expect, it } from 'vitest';
import {
  checkAuthorization,
  clientOptions,
  itemsBody,
  platformSigner,
  steppedClock,
} from '../../test/support/client-harness';
import { type FakeReply, startFakeUpstream } from '../../test/support/fake-upstream';
import { type Clock, systemClock } from '../lib/clock';
import { createWechatPayClient, type WechatPayClientOptions } from './client';
import type { Pacer } from './pacer';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function fake(script: FakeReply[] | ((index: number) => FakeReply)) {
  const upstream = await startFakeUpstream({
    signer: platformSigner,
    handler: (_request, index) =>
      typeof script === 'function' ? script(index) : (script[index] ?? { status: 599 }),
  });
  closers.push(upstream.close);
  return upstream;
}

const ok: FakeReply = { body: itemsBody(['1232001']) };
const query = { stockId: '9865000', stockCreatorMchid: '9865000', offset: 0, limit: 10 };
const call = (options: WechatPayClientOptions, signal?: AbortSignal) =>
  createWechatPayClient(options).listAvailableItems(query, { signal });

describe('transport: retries', () => {
  it('retries 500, 500 then succeeds: 3 attempts, each freshly signed', async () => {
    const upstream = await fake([{ status: 500 }, { status: 500 }, ok]);
    const result = await call(clientOptions(upstream.url));
    expect(result).toMatchObject({ ok: true, attempts: 3, requestId: 'fake-3' });
    expect(upstream.requests).toHaveLength(3);
    const auths = upstream.requests.map(checkAuthorization);
    expect(auths.every((auth) => auth.verified)).toBe(true);
    expect(new Set(auths.map((auth) => auth.fields.nonce_str)).size).toBe(3);
  });

  it.each<[string, FakeReply, string]>([
    [
      'a 400',
      { status: 400, body: { code: 'PARAM_ERROR', message: '页大小超过阈值' } },
      'upstream_rejected',
    ],
    [
      'a 401 SIGN_ERROR',
      { status: 401, body: { code: 'SIGN_ERROR', message: '签名错误' } },
      'upstream_rejected',
    ],
    ['a bad signature', { ...ok, signature: 'WECHATPAY/SIGNTEST/eA==' }, 'bad_signature'],
    ['a malformed 2xx', { body: '{"total_count":' }, 'malformed_response'],
    [
      'a redirect (not followed)',
      { status: 302, headers: { Location: '/elsewhere' } },
      'upstream_rejected',
    ],
  ])('never retries %s', async (_name, reply, kind) => {
    const upstream = await fake(() => reply);
    const result = await call(clientOptions(upstream.url));
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { kind } });
    expect(upstream.requests).toHaveLength(1);
  });

  it('gives up after maxRetries on a persistent 429 and says rate_limited', async () => {
    const upstream = await fake(() => ({
      status: 429,
      body: { code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' },
    }));
    const result = await call(clientOptions(upstream.url, { maxRetries: 3 }));
    expect(result).toMatchObject({
      ok: false,
      attempts: 4,
      error: { kind: 'rate_limited', retryable: true },
    });
    expect(upstream.requests).toHaveLength(4);
  });

  it('backs off exponentially with full jitter on the injected clock', async () => {
    const upstream = await fake(() => ({ status: 503 }));
    const { clock, sleeps } = steppedClock();
    const result = await call(
      clientOptions(upstream.url, { clock, maxRetries: 4, backoffBaseMs: 100, random: () => 0.5 }),
    );
    expect(result.attempts).toBe(5);
    expect(sleeps).toEqual([50, 100, 200, 400]);
    const noJitter = steppedClock();
    await call(
      clientOptions(upstream.url, { clock: noJitter.clock, maxRetries: 2, random: () => 0 }),
    );
    expect(noJitter.sleeps).toEqual([0, 0]);
  });

  // The timeout is real: long enough for a healthy answer of a busy machine, far below the
  // slow answer, so both outcomes hold at a tenth of this machine's usual speed.
  const ATTEMPT_TIMEOUT_MS = 400;
  const SLOW_MS = 10_000;

  it('times out a slow attempt, retries, then reports upstream_unavailable(timeout)', async () => {
    const upstream = await fake(() => ({ ...ok, delayMs: SLOW_MS }));
    const started = Date.now();
    const result = await call(
      clientOptions(upstream.url, { timeoutMs: ATTEMPT_TIMEOUT_MS, maxRetries: 2 }),
    );
    expect(result).toMatchObject({
      ok: false,
      attempts: 3,
      error: { kind: 'upstream_unavailable', cause: 'timeout' },
    });
    expect(upstream.requests).toHaveLength(3);
    // Cut short: three attempts ended before the first slow answer would have come.
    expect(Date.now() - started).toBeLessThan(SLOW_MS);
  });

  it('recovers when only the first attempt is slow', async () => {
    const upstream = await fake((index) => (index === 0 ? { ...ok, delayMs: SLOW_MS } : ok));
    const result = await call(clientOptions(upstream.url, { timeoutMs: ATTEMPT_TIMEOUT_MS }));
    expect(result).toMatchObject({ ok: true, attempts: 2 });
  });

  it('passes every attempt through the pacer, interactive unless the caller says background', async () => {
    const upstream = await fake([{ status: 502 }, ok, ok]);
    const priorities: (string | undefined)[] = [];
    const requesters: (string | undefined)[] = [];
    const pacer: Pacer = {
      acquire: async (options) => {
        priorities.push(options?.priority);
        requesters.push(options?.requester);
      },
      stats: () => ({ queued: 0, granted: priorities.length }),
    };
    await call(clientOptions(upstream.url, { pacer }));
    expect(priorities).toEqual(['interactive', 'interactive']);
    const client = createWechatPayClient(clientOptions(upstream.url, { pacer }));
    await client.listAvailableItems(query, { priority: 'background', requester: 'user:7' });
    expect(priorities.at(-1)).toBe('background');
    // The call waits in its requester's own line: the fair share between people.
    expect(requesters).toEqual([undefined, undefined, 'user:7']);
  });

  it('rejects with the caller’s abort reason during a backoff too', async () => {
    const upstream = await fake(() => ({ status: 503 }));
    const controller = new AbortController();
    // The caller gives up once the backoff has begun, however long the first attempt took.
    const clock: Clock = {
      now: () => Date.now(),
      sleep: (ms, signal) => {
        const backoff = systemClock.sleep(ms, signal);
        controller.abort(new Error('user cancelled'));
        return backoff;
      },
    };
    const result = call(
      clientOptions(upstream.url, { backoffBaseMs: 10_000, random: () => 1, clock }),
      controller.signal,
    );
    await expect(result).rejects.toThrow('user cancelled');
    expect(upstream.requests).toHaveLength(1);
  });

  it('rejects with the caller’s abort reason instead of inventing an upstream error', async () => {
    const upstream = await fake(() => ({ ...ok, delayMs: SLOW_MS }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 30);
    await expect(call(clientOptions(upstream.url), controller.signal)).rejects.toThrow(
      'user cancelled',
    );
  });
});

describe('transport: failover', () => {
  it('moves to the backup host after a 5xx and stays there for the rest of the call', async () => {
    const primary = await fake(() => ({ status: 503 }));
    const backup = await fake([{ status: 500 }, ok]);
    const result = await call(clientOptions(primary.url, { backupBaseUrl: backup.url }));
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(primary.requests).toHaveLength(1);
    expect(backup.requests).toHaveLength(2);
    expect(backup.requests.every((request) => checkAuthorization(request).verified)).toBe(true);
  });

  it('moves to the backup host after a network failure', async () => {
    const primary = await fake(() => ({ destroy: true }));
    const backup = await fake([ok]);
    const result = await call(clientOptions(primary.url, { backupBaseUrl: backup.url }));
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(primary.requests).toHaveLength(1);
  });

  it('reports upstream_unavailable(network) when no host answers', async () => {
    const primary = await fake(() => ({ destroy: true }));
    const result = await call(clientOptions(primary.url, { maxRetries: 1 }));
    expect(result).toMatchObject({
      ok: false,
      attempts: 2,
      error: { kind: 'upstream_unavailable', cause: 'network' },
    });
  });

  it('does not fail over on a rate limit (the backup shares the budget)', async () => {
    const primary = await fake([{ status: 429 }, ok]);
    const backup = await fake([ok]);
    const result = await call(clientOptions(primary.url, { backupBaseUrl: backup.url }));
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(backup.requests).toHaveLength(0);
  });
});
