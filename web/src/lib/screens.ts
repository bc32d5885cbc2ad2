import { type Capability, type Role, roleCan } from './auth-contract';

/** The admin pages, named by the `tab` parameter (the stock tabs keep their own values). */
export const ADMIN_SCREENS = ['users', 'audit'] as const;
export type AdminScreen = (typeof ADMIN_SCREENS)[number];
export type Screen = 'console' | AdminScreen;

const NEEDS: Record<AdminScreen, Capability> = { users: 'manage_users', audit: 'read_audit' };

/** Which screen a URL shows: `?tab=users` and `?tab=audit` are the admin pages. */
export function screenOf(search: string): Screen {
  const tab = new URLSearchParams(search).get('tab');
  return ADMIN_SCREENS.find((screen) => screen === tab) ?? 'console';
}

export function mayOpen(role: Role, screen: Screen): boolean {
  return screen === 'console' || roleCan(role, NEEDS[screen]);
}

/** The admin pages a role sees in the navigation: none but for admins. */
export function adminScreensFor(role: Role): AdminScreen[] {
  return ADMIN_SCREENS.filter((screen) => mayOpen(role, screen));
}

// The console view last shown, so "Stock lookup" in the navigation goes back to it.
let lastConsoleSearch = '';

export function rememberConsoleSearch(search: string): void {
  lastConsoleSearch = search;
}

/** The query string that opens a screen: an admin page fresh, the console where it was left. */
export function screenSearch(screen: Screen): string {
  return screen === 'console' ? lastConsoleSearch : `?tab=${screen}`;
}
