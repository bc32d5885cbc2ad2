import { lazy } from 'react';

// Users and the audit trail are for admins only: nobody else downloads them (see preload-screen.ts for
// the deep-link preload, as with the stock screens).
export const loadAdminScreen = () => import('@/features/admin/components/admin-screen');

export const LazyAdminScreen = lazy(() =>
  loadAdminScreen().then((module) => ({ default: module.AdminScreen })),
);
