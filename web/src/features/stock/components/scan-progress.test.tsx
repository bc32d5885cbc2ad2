import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import type { ScanProgress as Progress } from 'server/contract';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth-contract';
import '@/lib/i18n';
import { SessionContext } from '@/lib/session-context';
import { ScanProgress } from './scan-progress';

afterEach(cleanup);

const done: Progress = {
  stock_id: '16000004',
  stock_creator_mchid: '1900000109',
  state: 'done',
  pages_done: 3,
  pages_total: 3,
  codes_loaded: 250,
  total_count: 250,
  reachable_count: 250,
  truncated: false,
  started_at: '2026-03-02T01:00:00.000Z',
  finished_at: '2026-03-02T01:00:02.000Z',
  eta_seconds: null,
  error: null,
  offset_mode: 'page',
  expires_at: '2026-03-02T01:10:02.000Z',
  request_count: 3,
};

function renderAs(role: Role) {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <SessionContext value={{ username: role, role, csrf_token: 't' }}>
        <ScanProgress target={{ stock: '16000004', mchid: '1900000109' }} progress={done} />
      </SessionContext>
    </QueryClientProvider>,
  );
}

describe('ScanProgress by role', () => {
  it('offers operators a new read and the full-code CSV', () => {
    renderAs('operator');
    expect(screen.getByRole('button', { name: '重新读取' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '下载已读取的全部编码（CSV）' })).toBeTruthy();
  });

  it('offers support neither: they may not start scans or export every code', () => {
    renderAs('support');
    expect(screen.getByRole('status').textContent).toBe('全部编码已读取完毕。');
    expect(screen.queryByRole('button', { name: '重新读取' })).toBeNull();
    expect(screen.queryByRole('link', { name: '下载已读取的全部编码（CSV）' })).toBeNull();
  });
});
