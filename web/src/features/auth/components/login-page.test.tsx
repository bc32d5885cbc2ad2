import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '@/lib/i18n';
import { currentCsrfToken, setCsrfToken } from '@/lib/session-events';
import { LoginFailureNotice } from './login-failure-notice';
import { LoginPage } from './login-page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const DEMO = { username: 'demo', password: 'Harbour-Lantern-123' };

function renderWith(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

/** The sign-in endpoint: the demo admin's password works, anything else is refused. */
function serveLogin() {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) === '/api/auth/demo') return json(200, DEMO);
    const body: unknown = JSON.parse(String(init?.body ?? '{}'));
    if (JSON.stringify(body) === JSON.stringify(DEMO)) {
      return json(200, { username: 'demo', role: 'admin', csrf_token: 'tok-demo' });
    }
    return json(401, {
      error: {
        code: 'UNAUTHENTICATED',
        status: 401,
        message: 'Wrong username or password',
        explanation: 'api.unauthenticated',
        retryable: false,
      },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  setCsrfToken(null);
});

describe('LoginPage', () => {
  it('says beside the form that the name or password is wrong, without saying which', async () => {
    serveLogin();
    const onSignedIn = vi.fn();
    renderWith(<LoginPage reason={null} sandbox={false} onSignedIn={onSignedIn} />);
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'ann' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'nope' } });
    fireEvent.submit(screen.getByRole('form', { name: '登录' }));
    expect(await screen.findByText('用户名或密码不正确，或者这个账号已被停用。')).toBeTruthy();
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: '使用演示账号' })).toBeNull();
  });

  it('asks for both fields before sending anything', () => {
    const fetchMock = serveLogin();
    renderWith(<LoginPage reason={null} sandbox={false} onSignedIn={() => {}} />);
    fireEvent.submit(screen.getByRole('form', { name: '登录' }));
    expect(screen.getAllByText('必填')).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByLabelText('用户名'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in as the sandbox demo admin in one click and keeps the CSRF token', async () => {
    serveLogin();
    const onSignedIn = vi.fn();
    renderWith(<LoginPage reason={null} sandbox onSignedIn={onSignedIn} />);
    fireEvent.click(await screen.findByRole('button', { name: '使用演示账号' }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(onSignedIn.mock.calls[0]?.[0]).toMatchObject({ username: 'demo', role: 'admin' });
    expect(currentCsrfToken()).toBe('tok-demo');
    expect(screen.getByText('Harbour-Lantern-123')).toBeTruthy();
  });
});

describe('LoginFailureNotice', () => {
  it('says when a throttled sign-in may try again, counting down to it', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-02T01:00:00Z'));
    renderWith(
      <LoginFailureNotice failure={{ kind: 'throttled', retryAfterSeconds: 62 }} at={Date.now()} />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/^登录失败次数过多，请在 .+ 之后再试。$/);
    expect(screen.getByText('还需等待 1 分 2 秒。')).toBeTruthy();
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByText('还需等待 0 分 59 秒。')).toBeTruthy();
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText('现在可以再试一次了。')).toBeTruthy();
  });
});
