// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  currentCsrfToken,
  onSessionEvent,
  type SessionEvent,
  setCsrfToken,
} from '@/lib/session-events';
import { apiGet, apiPost } from './client';
import { ApiError } from './error';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi.fn(async () => new Response(text, { status, headers }));
}

const errorBody = {
  error: {
    code: 'UPSTREAM_REJECTED',
    status: 404,
    message: 'WeChat Pay rejected the request',
    explanation: 'upstream.resource_not_exists',
    retryable: false,
    requestId: 'wx-req-1',
    upstream: { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' },
  },
};

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error('expected an ApiError');
  return error;
}

afterEach(() => vi.unstubAllGlobals());

describe('apiGet', () => {
  it('parses a 2xx body with the given parser', async () => {
    vi.stubGlobal('fetch', respond(200, { n: 1 }));
    await expect(apiGet('/api/x', (body) => body)).resolves.toEqual({ n: 1 });
  });

  it('turns our error shape into an ApiError carrying the payload and our request id', async () => {
    vi.stubGlobal('fetch', respond(404, errorBody, { 'X-Request-Id': 'ccc-7' }));
    const failure = await failureOf(apiGet('/api/x', (body) => body));
    expect(failure.kind).toBe('api');
    expect(failure.payload?.explanation).toBe('upstream.resource_not_exists');
    expect(failure.payload?.requestId).toBe('wx-req-1');
    expect(failure.consoleRequestId).toBe('ccc-7');
  });

  it('calls a non-2xx without our shape an http failure (a proxy answered)', async () => {
    vi.stubGlobal('fetch', respond(502, '<html>Bad gateway</html>'));
    const failure = await failureOf(apiGet('/api/x', (body) => body));
    expect(failure.kind).toBe('http');
    expect(failure.status).toBe(502);
  });

  it('calls a thrown fetch a network failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect((await failureOf(apiGet('/api/x', (body) => body))).kind).toBe('network');
  });

  it('calls a 2xx body the parser refuses a contract failure', async () => {
    vi.stubGlobal('fetch', respond(200, { n: 'one' }));
    const parse = (body: unknown) => {
      if (typeof body !== 'object' || body === null || typeof Reflect.get(body, 'n') !== 'number') {
        throw new Error('bad');
      }
      return body;
    };
    expect((await failureOf(apiGet('/api/x', parse))).kind).toBe('contract');
  });
});

describe('apiPost', () => {
  it('sends JSON', async () => {
    const fetchMock = respond(200, {});
    vi.stubGlobal('fetch', fetchMock);
    await apiPost('/api/y', { a: 1 }, (body) => body);
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/y');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
  });
});

describe('session handling', () => {
  const forbidden = {
    error: {
      code: 'FORBIDDEN',
      status: 403,
      message: 'm',
      explanation: 'api.forbidden',
      retryable: false,
    },
  };
  const unauthenticated = {
    error: {
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'm',
      explanation: 'api.unauthenticated',
      retryable: false,
    },
  };
  const session = (token: string) => ({ username: 'ann', role: 'support', csrf_token: token });
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const sentToken = (call: unknown) =>
    new Headers((call as [string, RequestInit])[1].headers).get('X-CSRF-Token');

  afterEach(() => setCsrfToken(null));

  it('sends the session’s token with a POST, not with a GET', async () => {
    setCsrfToken('tok-1');
    const fetchMock = respond(200, {});
    vi.stubGlobal('fetch', fetchMock);
    await apiPost('/api/y', { a: 1 }, (body) => body);
    await apiGet('/api/z', (body) => body);
    expect(sentToken(fetchMock.mock.calls[0])).toBe('tok-1');
    expect(sentToken(fetchMock.mock.calls[1])).toBeNull();
  });

  it('ends the session in the app on a 401, still throwing the error to the caller', async () => {
    setCsrfToken('tok-1');
    const events: SessionEvent[] = [];
    const stop = onSessionEvent((event) => events.push(event));
    vi.stubGlobal('fetch', respond(401, unauthenticated));
    const failure = await failureOf(apiGet('/api/stocks/1', (body) => body));
    stop();
    expect(failure.status).toBe(401);
    expect(events).toEqual([{ type: 'signed_out', reason: 'expired' }]);
    expect(currentCsrfToken()).toBeNull();
  });

  it('keeps a wrong password on the sign-in form', async () => {
    const events: SessionEvent[] = [];
    const stop = onSessionEvent((event) => events.push(event));
    vi.stubGlobal('fetch', respond(401, unauthenticated));
    await failureOf(apiPost('/api/auth/login', { username: 'a', password: 'b' }, (b) => b));
    stop();
    expect(events).toEqual([]);
  });

  it('retries a refused change once with the session’s newer token', async () => {
    setCsrfToken('stale');
    const answers = [json(403, forbidden), json(200, session('fresh')), json(200, { ok: 1 })];
    const fetchMock = vi.fn(async () => answers.shift() ?? json(500, {}));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiPost('/api/stocks/1/coverage', {}, (body) => body)).resolves.toEqual({ ok: 1 });
    expect(fetchMock.mock.calls.map((call) => (call as unknown as [string])[0])).toEqual([
      '/api/stocks/1/coverage',
      '/api/auth/me',
      '/api/stocks/1/coverage',
    ]);
    expect(sentToken(fetchMock.mock.calls[2])).toBe('fresh');
  });

  it('believes a 403 when the token was current: the role cannot do it', async () => {
    setCsrfToken('same');
    const answers = [json(403, forbidden), json(200, session('same'))];
    const fetchMock = vi.fn(async () => answers.shift() ?? json(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    const failure = await failureOf(apiPost('/api/stocks/1/scans', {}, (body) => body));
    expect(failure.payload?.code).toBe('FORBIDDEN');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
