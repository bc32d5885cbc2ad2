import type { z } from 'zod';
import type { Clock } from '../lib/clock';
import { type LocalFailure, toWechatPayError, type WechatPayError } from './errors';
import type { PlatformKeyStore } from './platform-keys';
import type { RawResponse } from './transport';
import { verifyResponse } from './verify';

type Checked<T> = { ok: true; data: T } | { ok: false; error: WechatPayError };

/** Turns a failed verification into the error it names, keeping status and Request-ID. */
export function verificationError(response: RawResponse, failure: LocalFailure): WechatPayError {
  return toWechatPayError({ status: response.status, headers: response.headers, local: failure });
}

/** Parses a verified 2xx body as JSON of the expected shape, or names it malformed_response. */
export function parseBody<S extends z.ZodType>(
  response: RawResponse,
  schema: S,
): Checked<z.infer<S>> {
  const { status, headers } = response;
  const body = response.body.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: toWechatPayError({ status, headers, body }) };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || '(body)';
  const message = `HTTP ${status} body has an unexpected shape at ${where}: ${issue?.message}`;
  return {
    ok: false,
    error: toWechatPayError({ status, headers, local: { kind: 'malformed_response', message } }),
  };
}

/**
 * Rule (API v3 responses): verify the signature of every 2xx before trusting its body. An
 * unknown serial may mean rotated certificates: refresh (at most once a minute) and re-verify.
 */
export function acceptVerifiedJson<S extends z.ZodType>(
  schema: S,
  store: PlatformKeyStore,
  clock: Clock,
) {
  return async (response: RawResponse, signal?: AbortSignal): Promise<Checked<z.infer<S>>> => {
    const serial = response.headers.get('wechatpay-serial');
    if (serial) await store.refreshIfDue(serial, signal);
    const verify = () =>
      verifyResponse({ ...response, nowMs: clock.now(), resolveKey: store.resolve });
    let outcome = verify();
    if (!outcome.ok && outcome.failure.kind === 'unknown_serial' && outcome.serial) {
      if (await store.refreshForUnknownSerial(outcome.serial, signal)) outcome = verify();
    }
    if (!outcome.ok) return { ok: false, error: verificationError(response, outcome.failure) };
    return parseBody(response, schema);
  };
}
