import { lazy } from 'react';

// The stock screens (tables, virtualizer, scan, coverage) load on demand: the start page needs
// none of them. A deep link starts the download at once (see preload-screen.ts), so it adds no waterfall.
export const loadStockView = () => import('@/features/stock/components/stock-view');

export const LazyStockView = lazy(() =>
  loadStockView().then((module) => ({ default: module.StockView })),
);
