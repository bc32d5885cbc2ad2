import { createMemoryHistory } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { navigateStock } from '../use-stock-navigate';
import { createAppRouter } from './routes';

async function openAt(url: string) {
  const history = createMemoryHistory({ initialEntries: [url] });
  const router = createAppRouter(history);
  await router.load();
  return { router, history };
}

const STOCK = 'stock=16000004&mchid=1900000109';

describe('the console router', () => {
  it('sends a link from before the router on to the screen it named, in place', async () => {
    const cases = [
      [`/?${STOCK}&page=3`, `/stock/codes?${STOCK}&page=3`],
      [`/?${STOCK}&tab=coverage&q=AB`, `/stock/coverage?${STOCK}&q=AB`],
      ['/?tab=users', '/admin/users'],
      ['/?tab=audit&user=ann&stock_id=16000004', '/admin/audit?user=ann&stock=16000004'],
      [`/anything?${STOCK}`, `/stock/codes?${STOCK}`],
      ['/', '/'],
    ];
    for (const [old, now] of cases) {
      const { router, history } = await openAt(old ?? '');
      expect(router.state.location.href, old).toBe(now);
      expect(history.length, `${old} adds no history entry`).toBe(1);
    }
  });

  it('keeps ids as plain text and leaves defaults out of the URL', async () => {
    const { router } = await openAt('/');
    await router.navigate({
      to: '/stock/codes',
      search: { stock: '16000004', mchid: '19', page: 1 },
    });
    expect(router.state.location.href).toBe('/stock/codes?stock=16000004&mchid=19');
    await router.navigate({
      to: '/stock/codes',
      search: { stock: '0001', mchid: '19', q: 'a b&c', size: 100, page: 7 },
    });
    expect(router.state.location.href).toBe(
      '/stock/codes?stock=0001&mchid=19&q=a+b%26c&size=100&page=7',
    );
  });

  it('reads what it cannot use as the default', async () => {
    const { router } = await openAt(`/stock/codes?${STOCK}&page=0&size=30`);
    const match = router.state.matches.at(-1);
    expect(match?.search).toMatchObject({ page: 1, size: 20, stock: '16000004' });
  });

  it('pages, searches and switches tabs as history entries, reading the URL of the moment', async () => {
    const { router, history } = await openAt(`/stock/codes?${STOCK}&page=5`);
    // Two changes before anything renders: the second builds on the first.
    const first = navigateStock(router, { size: 50 });
    await navigateStock(router, { q: 'AB' }, { replace: true });
    await first;
    expect(router.state.location.href).toBe(`/stock/codes?${STOCK}&q=AB&size=50`);
    expect(history.length).toBe(2);
    await navigateStock(router, { tab: 'coverage' });
    expect(router.state.location.href).toBe(`/stock/coverage?${STOCK}&q=AB&size=50`);
    await navigateStock(router, { stock: '16000006' });
    expect(router.state.location.href).toBe(
      '/stock/coverage?stock=16000006&mchid=1900000109&size=50',
    );
    // The same view again adds nothing to the history.
    const before = history.length;
    await navigateStock(router, { page: 1 });
    expect(history.length).toBe(before);
  });
});
