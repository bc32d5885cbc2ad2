// @vitest-environment node
import type { ApiErrorPayload } from 'server/contract';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/error';
import { loginFailure } from './login-failure';

const api = (status: number, change: Partial<ApiErrorPayload>) =>
  new ApiError(
    'api',
    status,
    { code: 'INTERNAL', status, message: 'm', explanation: 'x', retryable: false, ...change },
    null,
  );

describe('loginFailure', () => {
  it('reads a wrong password (or a disabled account) by the explanation id', () => {
    const wrong = api(401, { code: 'UNAUTHENTICATED', explanation: 'api.unauthenticated' });
    expect(loginFailure(wrong)).toEqual({ kind: 'credentials' });
  });

  it('carries the wait of a throttled sign-in, in whole seconds', () => {
    const limited = api(429, {
      code: 'RATE_LIMITED',
      explanation: 'api.rate_limited',
      retryable: true,
      retryAfterSeconds: 899.2,
    });
    expect(loginFailure(limited)).toEqual({ kind: 'throttled', retryAfterSeconds: 900 });
  });

  it('leaves anything else to the catalog’s explanation', () => {
    const down = new ApiError('network', null, null, null);
    expect(loginFailure(down)).toEqual({ kind: 'other', error: down });
    const bad = api(400, { code: 'INVALID_INPUT', explanation: 'api.invalid_input' });
    expect(loginFailure(bad).kind).toBe('other');
  });
});
