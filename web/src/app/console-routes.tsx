import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { DEFAULT_VIEW, type Tab } from '@/features/stock/lib/view-state';
import { Console } from './console';

const codesApi = getRouteApi('/stock/codes');
const coverageApi = getRouteApi('/stock/coverage');

/** `/`: the lookup form and the start page. */
export function StartScreen() {
  return <Console view={DEFAULT_VIEW} />;
}

function useTabView(tab: Tab, search: ReturnType<typeof codesApi.useSearch>) {
  return useMemo(() => ({ ...search, tab }), [search, tab]);
}

/** `/stock/codes?stock=…&mchid=…`: the stock's codes, paged or searched. */
export function CodesScreen() {
  return <Console view={useTabView('codes', codesApi.useSearch())} />;
}

/** `/stock/coverage?stock=…&mchid=…`: which codes a coupon of the stock covers. */
export function CoverageScreen() {
  return <Console view={useTabView('coverage', coverageApi.useSearch())} />;
}
