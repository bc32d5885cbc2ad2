import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ApiErrorPayload, Explanation } from 'server/contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/error';
import { explanationsQuery } from '@/lib/explanations';
import { i18n } from '@/lib/i18n';
import { ErrorPanel } from './error-panel';

const texts = (lang: string) => ({
  title: `${lang}: stock not found`,
  what_happened: `${lang}: WeChat Pay has no such stock`,
  causes: [`${lang}: a typo`],
  operator_action: `${lang}: check the id`,
  support_script: `${lang}: tell the merchant`,
  quote_to_wechatpay: `${lang}: quote the Request-ID`,
});

const entry: Explanation = {
  id: 'upstream.resource_not_exists',
  source: 'upstream',
  match: { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' },
  retryable: false,
  producible_by_lookup: true,
  texts: { 'zh-CN': texts('zh'), en: texts('en') },
};

const payload: ApiErrorPayload = {
  code: 'UPSTREAM_REJECTED',
  status: 404,
  message: 'WeChat Pay rejected the request',
  explanation: 'upstream.resource_not_exists',
  retryable: false,
  requestId: '08F4A1B2C3-wx',
  upstream: { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' },
};

function renderPanel(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(explanationsQuery.queryKey, { explanations: [entry] });
  return render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await i18n.changeLanguage('zh-CN');
});

describe('ErrorPanel', () => {
  it('explains the error by the id it names, in the screen language', async () => {
    renderPanel(<ErrorPanel error={new ApiError('api', 404, payload, 'ccc-1')} />);
    const alert = screen.getByRole('alert', { name: 'zh: stock not found' });
    expect(alert.textContent).toContain('zh: check the id');
    expect(alert.textContent).toContain('zh: tell the merchant');
    expect(screen.getByRole('button', { name: '复制微信支付 Request-ID' })).toBeTruthy();
    expect(alert.textContent).toContain('08F4A1B2C3-wx');
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('alert', { name: 'en: stock not found' })).toBeTruthy();
  });

  it('folds the raw upstream answer away', () => {
    const { container } = renderPanel(
      <ErrorPanel error={new ApiError('api', 404, payload, null)} />,
    );
    const details = container.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('RESOURCE_NOT_EXISTS');
  });

  it('offers a retry only when retrying can help', () => {
    const onRetry = vi.fn();
    renderPanel(<ErrorPanel error={new ApiError('api', 404, payload, null)} onRetry={onRetry} />);
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
    cleanup();
    const retryable = { ...payload, code: 'UPSTREAM_UNAVAILABLE' as const, retryable: true };
    expect(retryable.retryAfterSeconds).toBeUndefined();
    renderPanel(<ErrorPanel error={new ApiError('api', 503, retryable, null)} onRetry={onRetry} />);
    screen.getByRole('button', { name: '重试' }).click();
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('says when a rate-limited request will be retried, then retries it', () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    const limited = {
      ...payload,
      code: 'RATE_LIMITED' as const,
      retryable: true,
      retryAfterSeconds: 2,
    };
    renderPanel(<ErrorPanel error={new ApiError('api', 429, limited, null)} onRetry={onRetry} />);
    expect(screen.getByText('请求过于频繁，2 秒后自动重试。')).toBeTruthy();
    // One tick per second, each rendered before the next is scheduled.
    for (let second = 0; second < 2; second += 1) act(() => vi.advanceTimersByTime(1000));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('waits a default time on an upstream rate limit that names no wait', () => {
    const limited = { ...payload, code: 'UPSTREAM_RATE_LIMITED' as const, retryable: true };
    renderPanel(<ErrorPanel error={new ApiError('api', 429, limited, null)} onRetry={() => {}} />);
    expect(screen.getByText('请求过于频繁，10 秒后自动重试。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
  });

  it('explains a network failure without a catalog entry', () => {
    renderPanel(
      <ErrorPanel error={new ApiError('network', null, null, null)} onRetry={() => {}} />,
    );
    expect(screen.getByRole('alert', { name: '无法连接控制台服务' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
