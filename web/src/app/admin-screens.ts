import { type Capability, type Role, roleCan } from '@/lib/auth-contract';

/** The admin pages, each its own route (`/admin/users`, `/admin/audit`). */
export const ADMIN_SCREENS = ['users', 'audit'] as const;
export type AdminScreen = (typeof ADMIN_SCREENS)[number];
export type Screen = 'console' | AdminScreen;

const NEEDS: Record<AdminScreen, Capability> = { users: 'manage_users', audit: 'read_audit' };

export function mayOpen(role: Role, screen: Screen): boolean {
  return screen === 'console' || roleCan(role, NEEDS[screen]);
}

/** The admin pages a role sees in the navigation: none but for admins. */
export function adminScreensFor(role: Role): AdminScreen[] {
  return ADMIN_SCREENS.filter((screen) => mayOpen(role, screen));
}
