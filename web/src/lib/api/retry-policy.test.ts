// @vitest-environment node
import type { ApiErrorPayload } from 'server/contract';
import { describe, expect, it } from 'vitest';
import { ApiError } from './error';
import { asApiError, canRetry, errorKey, waitBeforeRetry } from './retry-policy';

const payload = (change: Partial<ApiErrorPayload>): ApiErrorPayload => ({
  code: 'UPSTREAM_REJECTED',
  status: 400,
  message: 'm',
  explanation: 'upstream.x',
  retryable: false,
  ...change,
});
const api = (change: Partial<ApiErrorPayload>) => new ApiError('api', 400, payload(change), null);

describe('canRetry', () => {
  it('follows the error, and retries network and proxy failures', () => {
    expect(canRetry(api({ retryable: false }))).toBe(false);
    expect(canRetry(api({ retryable: true }))).toBe(true);
    expect(canRetry(new ApiError('network', null, null, null))).toBe(true);
    expect(canRetry(new ApiError('contract', 200, null, null))).toBe(false);
  });
});

describe('waitBeforeRetry', () => {
  it('waits only on rate limits, for the server figure or a default', () => {
    expect(
      waitBeforeRetry(api({ code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 60 })),
    ).toBe(60);
    expect(waitBeforeRetry(api({ code: 'UPSTREAM_RATE_LIMITED', retryable: true }))).toBe(10);
    // A person's fair share of the WeChat Pay budget used up: wait as long as the server says.
    expect(
      waitBeforeRetry(api({ code: 'USER_BUDGET_EXCEEDED', retryable: true, retryAfterSeconds: 3 })),
    ).toBe(3);
    expect(waitBeforeRetry(api({ code: 'UPSTREAM_UNAVAILABLE', retryable: true }))).toBeUndefined();
    expect(waitBeforeRetry(api({ code: 'RATE_LIMITED', retryable: false }))).toBeUndefined();
  });
});

describe('errorKey and asApiError', () => {
  it('gives each error object its own stable key', () => {
    const a = new Error('a');
    const b = new Error('b');
    expect(errorKey(a)).toBe(errorKey(a));
    expect(errorKey(a)).not.toBe(errorKey(b));
  });

  it('treats a thrown non-ApiError as a contract failure', () => {
    expect(asApiError(new TypeError('x')).kind).toBe('contract');
    const failure = api({});
    expect(asApiError(failure)).toBe(failure);
  });
});
