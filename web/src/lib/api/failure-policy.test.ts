// @vitest-environment node
import type { ApiErrorPayload } from 'server/contract';
import { describe, expect, it } from 'vitest';
import { ApiError } from './error';
import { type FailedAnswer, failureView, stepAfter } from './failure-policy';

const answer = (change: Partial<FailedAnswer>): FailedAnswer => ({
  status: 401,
  code: 'UNAUTHENTICATED',
  path: '/api/stocks/1/items?stock_creator_mchid=2',
  method: 'GET',
  retried: false,
  ...change,
});

describe('stepAfter', () => {
  it('sends any 401 to the sign-in page, but not the sign-in form’s own', () => {
    expect(stepAfter(answer({}))).toBe('sign_in');
    expect(stepAfter(answer({ method: 'POST', path: '/api/stocks/1/coverage' }))).toBe('sign_in');
    expect(stepAfter(answer({ method: 'POST', path: '/api/auth/login' }))).toBe('fail');
  });

  it('retries our 403 to a change once with a fresh token, then believes it', () => {
    const refused = answer({ status: 403, code: 'FORBIDDEN', method: 'POST' });
    expect(stepAfter(refused)).toBe('refresh_token');
    expect(stepAfter({ ...refused, retried: true })).toBe('fail');
  });

  it('does not retry a 403 to a read, or one relayed from WeChat Pay', () => {
    expect(stepAfter(answer({ status: 403, code: 'FORBIDDEN' }))).toBe('fail');
    expect(stepAfter(answer({ status: 403, code: 'UPSTREAM_REJECTED', method: 'POST' }))).toBe(
      'fail',
    );
    expect(stepAfter(answer({ status: 500, code: 'INTERNAL', method: 'POST' }))).toBe('fail');
  });
});

const payload = (code: ApiErrorPayload['code'], status: number): ApiErrorPayload => ({
  code,
  status,
  message: 'm',
  explanation: 'x',
  retryable: false,
});

describe('failureView', () => {
  it('shows a plain refusal for our 403 and the sign-in page for a 401', () => {
    expect(failureView(new ApiError('api', 403, payload('FORBIDDEN', 403), null))).toBe(
      'role_refused',
    );
    expect(failureView(new ApiError('api', 401, payload('UNAUTHENTICATED', 401), null))).toBe(
      'sign_in',
    );
  });

  it('explains everything else, WeChat Pay’s own 403 included', () => {
    expect(failureView(new ApiError('api', 403, payload('UPSTREAM_REJECTED', 403), null))).toBe(
      'explain',
    );
    expect(failureView(new ApiError('http', 403, null, null))).toBe('explain');
    expect(failureView(new ApiError('network', null, null, null))).toBe('explain');
  });
});
