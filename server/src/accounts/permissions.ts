import type { AuditAction } from '../contract/audit';
import { CAPABILITY_ROLES, type Capability, type Role } from '../contract/auth';

/** public: no session; signed_in: any role; else the capability CAPABILITY_ROLES grants. */
export type Access = 'public' | 'signed_in' | Capability;

export interface RouteRule {
  /** '*' for any method; HEAD is checked as GET (Express answers HEAD with the GET route). */
  method: 'GET' | 'POST' | '*';
  /** Paths under /api; `:name` is one path segment. */
  path: string;
  access: Access;
  /**
   * The stricter capability a request needs when its JSON body asks for `refresh: true`:
   * whoever may search joins or starts the shared scan, but forcing a new walk is an operator's.
   */
  refreshAccess?: Capability;
  /** Stock requests the audit trail records, as this action. */
  audit?: AuditAction;
}

/**
 * Every /api route and who may call it: the one permission table. A route missing here is
 * admin-only (fail closed), so a new endpoint is never open to every role by accident.
 */
export const ROUTE_RULES: readonly RouteRule[] = [
  { method: 'GET', path: '/health', access: 'public' },
  { method: 'GET', path: '/explanations', access: 'public' },
  { method: 'GET', path: '/sandbox/scenarios', access: 'public' },
  { method: 'POST', path: '/auth/login', access: 'public' },
  { method: 'GET', path: '/auth/demo', access: 'public' },
  { method: 'GET', path: '/auth/me', access: 'signed_in' },
  { method: 'POST', path: '/auth/logout', access: 'signed_in' },

  { method: 'GET', path: '/stocks/:stockId', access: 'lookup', audit: 'stock_lookup' },
  { method: 'GET', path: '/stocks/:stockId/items', access: 'lookup', audit: 'page_lookup' },
  {
    method: 'POST',
    path: '/stocks/:stockId/scans',
    access: 'search',
    refreshAccess: 'scan',
    audit: 'scan',
  },
  // Progress only (counts, state): whoever may search or check coverage watches its scan.
  { method: 'GET', path: '/stocks/:stockId/scans/latest', access: 'lookup' },
  { method: 'GET', path: '/stocks/:stockId/scans/latest/events', access: 'lookup' },
  { method: 'GET', path: '/stocks/:stockId/codes', access: 'search', audit: 'search' },
  { method: 'GET', path: '/stocks/:stockId/codes.csv', access: 'code_export', audit: 'export' },
  {
    method: 'POST',
    path: '/stocks/:stockId/coverage',
    access: 'coverage',
    audit: 'coverage_check',
  },
  {
    method: 'POST',
    path: '/stocks/:stockId/coverage.csv',
    access: 'coverage_export',
    audit: 'export',
  },
  // `/stocks/` with no id: the stocks router answers 400 naming stock_id.
  { method: '*', path: '/stocks', access: 'signed_in' },

  { method: 'GET', path: '/admin/users', access: 'manage_users' },
  { method: 'POST', path: '/admin/users', access: 'manage_users' },
  { method: 'POST', path: '/admin/users/:username/disable', access: 'manage_users' },
  { method: 'POST', path: '/admin/users/:username/enable', access: 'manage_users' },
  { method: 'POST', path: '/admin/users/:username/reset-password', access: 'manage_users' },
  { method: 'GET', path: '/admin/audit', access: 'read_audit' },
  { method: 'GET', path: '/admin/audit.csv', access: 'read_audit' },
];

const segments = (path: string) => {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.toLowerCase().split('/');
};

const compiled = ROUTE_RULES.map((rule) => ({ rule, parts: segments(rule.path) }));

/**
 * The rule of a request, matched the way Express routes: case-insensitive, one optional
 * trailing slash. A parameter matches any one segment, even an empty or undecodable one: the
 * route itself then answers 400 for it, after the role check.
 */
export function matchRoute(method: string, path: string): RouteRule | undefined {
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const parts = segments(path);
  for (const { rule, parts: pattern } of compiled) {
    if (rule.method !== '*' && rule.method !== verb) continue;
    if (pattern.length !== parts.length) continue;
    if (pattern.every((p, i) => p.startsWith(':') || p === parts[i])) return rule;
  }
  return undefined;
}

/** Whether a signed-in role may call a route; unlisted routes are admin-only. */
export function roleMayCall(role: Role, rule: RouteRule | undefined, body?: unknown): boolean {
  if (!rule) return role === 'admin';
  if (rule.refreshAccess && asksForRefresh(body)) {
    return CAPABILITY_ROLES[rule.refreshAccess].includes(role);
  }
  if (rule.access === 'public' || rule.access === 'signed_in') return true;
  return CAPABILITY_ROLES[rule.access].includes(role);
}

function asksForRefresh(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'refresh' in body && body.refresh === true;
}
