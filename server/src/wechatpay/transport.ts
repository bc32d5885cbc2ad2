import type { KeyObject } from 'node:crypto';
import type { Clock } from '../lib/clock';
import { toWechatPayError, type WechatPayError, type WechatPayResult } from './errors';
import type { AcquireOptions, Pacer } from './pacer';
import { buildAuthorization, buildRequestMessage, signMessage } from './sign';

export type Logger = { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };

/** A 2xx exactly as received: the body stays raw bytes so its signature can be checked. */
export type RawResponse = { status: number; headers: Headers; body: Buffer };

/** Turns a 2xx into data or a non-retryable error (verification, shape). */
export type Accept<T> = (
  response: RawResponse,
  signal?: AbortSignal,
) => Promise<{ ok: true; data: T } | { ok: false; error: WechatPayError }>;

export type TransportOptions = {
  mchid: string;
  merchantSerialNo: string;
  merchantPrivateKey: KeyObject;
  baseUrl: string;
  backupBaseUrl?: string;
  userAgent: string;
  timeoutMs: number;
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs?: number;
  pacer?: Pacer;
  clock: Clock;
  nonce: () => string;
  fetch: typeof fetch;
  random: () => number;
  logger?: Logger;
  /** Extra request headers, e.g. `Wechatpay-Serial` in public-key mode. */
  headers?: Record<string, string>;
  /**
   * Least wait after a 429 (default 1 s). WeChat Pay asks callers to slow down and documents
   * no Retry-After; an immediate retry would most likely be refused again.
   */
  rateLimitBackoffMs?: number;
};

/** Told before each retry's wait, so a long operation can show why it is waiting. */
export type RetryNotice = { attempts: number; error: WechatPayError; delayMs: number };
export type OnRetry = (notice: RetryNotice) => void;

export type Transport = {
  /** GET `pathAndQuery` (already encoded); retries, paces, fails over; throws only on abort. */
  get<T>(
    pathAndQuery: string,
    accept: Accept<T>,
    signal?: AbortSignal,
    onRetry?: OnRetry,
    /** Place in the pacer's line: priority (default interactive) and requester. */
    pacing?: Pacing,
  ): Promise<WechatPayResult<T>>;
};

/** Who a call waits for in the pacer's line, and in which queue. */
export type Pacing = Pick<AcquireOptions, 'priority' | 'requester'>;

type Attempt<T> = { ok: true; data: T; requestId?: string } | { ok: false; error: WechatPayError };

/**
 * Rule (API v3 resilience): each attempt is paced, freshly signed and bounded by a timeout;
 * only rate limits, 5xx and transport failures are retried, with exponential backoff and full
 * jitter; after a 5xx or transport failure the remaining attempts go to the backup host.
 */
export function createTransport(options: TransportOptions): Transport {
  const { clock, logger, maxRetries, backoffBaseMs, backoffMaxMs = 5_000 } = options;
  const rateLimitBackoffMs = options.rateLimitBackoffMs ?? 1_000;

  async function attempt<T>(
    base: string,
    pathAndQuery: string,
    accept: Accept<T>,
    signal: AbortSignal | undefined,
    pacing: Pacing,
  ): Promise<Attempt<T>> {
    await options.pacer?.acquire({ priority: 'interactive', ...pacing, signal });
    const url = new URL(`${base.replace(/\/+$/, '')}${pathAndQuery}`);
    // Sign what the URL parser will actually send, not what we meant to send.
    const canonicalUrl = `${url.pathname}${url.search}`;
    const timestamp = Math.floor(clock.now() / 1000);
    const nonce = options.nonce();
    const signature = signMessage(
      buildRequestMessage({ method: 'GET', canonicalUrl, timestamp, nonce }),
      options.merchantPrivateKey,
    );
    const { mchid, merchantSerialNo: serialNo } = options;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: RawResponse;
    try {
      const res = await options.fetch(url, {
        method: 'GET',
        redirect: 'manual',
        signal: combined,
        headers: {
          ...options.headers,
          Accept: 'application/json',
          'User-Agent': options.userAgent,
          Authorization: buildAuthorization({ mchid, serialNo, nonce, timestamp, signature }),
        },
      });
      const body = Buffer.from(await res.arrayBuffer());
      response = { status: res.status, headers: res.headers, body };
    } catch {
      if (signal?.aborted) throw signal.reason;
      const transportFailure = timeout.aborted ? 'timeout' : 'network';
      return { ok: false, error: toWechatPayError({ transportFailure }) };
    }
    const { status, headers } = response;
    if (status < 200 || status >= 300) {
      const body = response.body.toString('utf8');
      return { ok: false, error: toWechatPayError({ status, headers, body }) };
    }
    const accepted = await accept(response, signal);
    const requestId = headers.get('request-id') ?? undefined;
    return accepted.ok ? { ...accepted, requestId } : accepted;
  }

  return {
    async get(pathAndQuery, accept, signal, onRetry, pacing = {}) {
      let base = options.baseUrl;
      for (let attempts = 1; ; attempts += 1) {
        const outcome = await attempt(base, pathAndQuery, accept, signal, pacing);
        if (outcome.ok) return { ...outcome, attempts };
        const { error } = outcome;
        if (!error.retryable || attempts > maxRetries) return { ok: false, error, attempts };
        const backup = options.backupBaseUrl;
        if (backup && base !== backup && error.kind === 'upstream_unavailable') base = backup;
        const cap = Math.min(backoffMaxMs, backoffBaseMs * 2 ** (attempts - 1));
        const jittered = Math.floor(options.random() * cap);
        const delayMs =
          error.kind === 'rate_limited' ? Math.max(rateLimitBackoffMs, jittered) : jittered;
        const { kind, status, cause, requestId } = error;
        const host = new URL(base).host;
        logger?.warn(
          { attempts, kind, status, cause, requestId, host, delayMs },
          'wechatpay retry',
        );
        onRetry?.({ attempts, error, delayMs });
        await clock.sleep(delayMs, signal).catch((thrown: unknown) => {
          throw signal?.aborted ? signal.reason : thrown;
        });
      }
    },
  };
}
