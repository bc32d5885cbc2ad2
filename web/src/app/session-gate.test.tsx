import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/auth-contract';
import '@/lib/i18n';
import { DEFAULT_VIEW } from '@/features/stock/lib/view-state';
import { sessionEnded } from '@/lib/session-events';
import { rememberConsoleView } from './router/console-memory';
import { createAppRouter } from './router/routes';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const unauthenticated = {
  error: {
    code: 'UNAUTHENTICATED',
    status: 401,
    message: 'm',
    explanation: 'api.unauthenticated',
    retryable: false,
  },
};

/** A console API that knows one session (or none) and little else. */
function serve(role: Role | null) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const path = String(input);
    if (path === '/api/auth/me') {
      return role
        ? json(200, { username: `a-${role}`, role, csrf_token: 'tok' })
        : json(401, unauthenticated);
    }
    if (path === '/api/health') return json(200, { status: 'ok', mode: 'live', version: 't' });
    if (path === '/api/explanations') return json(200, { explanations: [] });
    return json(404, {});
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderGate(url = '/') {
  window.history.replaceState(null, '', url);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={createAppRouter()} />
    </QueryClientProvider>,
  );
}

const here = () => `${window.location.pathname}${window.location.search}`;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
  rememberConsoleView(DEFAULT_VIEW);
});

describe('SessionGate', () => {
  it('shows the sign-in page to nobody signed in, with no "session ended" notice', async () => {
    serve(null);
    renderGate();
    expect(await screen.findByRole('form', { name: '登录' })).toBeTruthy();
    expect(screen.queryByText(/登录已过期/)).toBeNull();
    expect(screen.queryByRole('button', { name: '退出登录' })).toBeNull();
  });

  it('shows who is signed in, and the sign-in page again when the session ends', async () => {
    serve('support');
    renderGate('/stock/codes?stock=16000004&mchid=1900000109');
    expect(await screen.findByRole('button', { name: '退出登录' })).toBeTruthy();
    expect(screen.getByText('a-support')).toBeTruthy();
    expect(screen.getByText('客服')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '控制台页面' })).toBeNull();
    act(() => sessionEnded('expired'));
    expect(await screen.findByRole('form', { name: '登录' })).toBeTruthy();
    expect(screen.getByText(/登录已过期/)).toBeTruthy();
    // The deep link survives: signing in again shows the same stock.
    expect(here()).toBe('/stock/codes?stock=16000004&mchid=1900000109');
  });

  it('refuses an admin page to another role without asking the server for it', async () => {
    const fetchMock = serve('operator');
    renderGate('/admin/audit');
    expect(await screen.findByRole('alert', { name: '当前角色不能执行这项操作' })).toBeTruthy();
    const paths = fetchMock.mock.calls.map(([input]) => String(input));
    expect(paths.some((path) => path.startsWith('/api/admin'))).toBe(false);
    act(() => screen.getByRole('button', { name: '返回批次查询' }).click());
    expect(await screen.findByRole('form', { name: '查询批次' })).toBeTruthy();
    expect(here()).toBe('/');
  });

  it('opens the admin page an old `?tab=` link named, under its own path', async () => {
    serve('operator');
    renderGate('/?tab=users');
    expect(await screen.findByRole('alert', { name: '当前角色不能执行这项操作' })).toBeTruthy();
    expect(here()).toBe('/admin/users');
  });

  it('shows admins the navigation to users and the audit trail', async () => {
    serve('admin');
    renderGate();
    const nav = await screen.findByRole('navigation', { name: '控制台页面' });
    expect(nav.textContent).toContain('用户管理');
    expect(nav.textContent).toContain('审计记录');
    expect(screen.getByRole('link', { name: '批次查询' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(screen.getByRole('link', { name: '审计记录' }).getAttribute('href')).toBe(
      '/admin/audit',
    );
  });

  it("points the admins' console link at the view on screen", async () => {
    serve('admin');
    // An id the form refuses: the view is named, yet nothing is asked of the server.
    renderGate('/stock/coverage?stock=%21%21&mchid=1');
    const link = await screen.findByRole('link', { name: '批次查询' });
    expect(link.getAttribute('href')).toBe('/stock/coverage?stock=%21%21&mchid=1');
    expect(link.getAttribute('aria-current')).toBe('page');
  });
});
