import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '@/lib/i18n';
import { ModeBanner } from './mode-banner';

function renderWithHealth(body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    ),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ModeBanner />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ModeBanner', () => {
  it('warns that some features are unavailable while a shared store is down', async () => {
    renderWithHealth({
      status: 'degraded',
      mode: 'live',
      version: '1',
      dependencies: [{ name: 'redis', status: 'down' }],
    });
    expect(await screen.findByText(/正式环境/)).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toMatch(/共享存储.*连不上/);
  });

  it('shows no warning while every store answers', async () => {
    renderWithHealth({
      status: 'ok',
      mode: 'live',
      version: '1',
      dependencies: [{ name: 'redis', status: 'up' }],
    });
    expect(await screen.findByText(/正式环境/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
