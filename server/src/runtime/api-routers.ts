import type { Router } from 'express';
import type { Accounts } from '../accounts/accounts';
import { auditRouter } from '../audit/audit-routes';
import { auditTrail } from '../audit/audit-trail';
import type { AuditLog } from '../audit/store/audit-log';
import type { AuditQueries } from '../audit/store/audit-query';
import { explanationsRouter } from '../http/explanations-route';
import { sandboxRouter } from '../http/sandbox-route';
import type { Clock } from '../lib/clock';

export interface ApiRouterParts {
  accounts: Pick<Accounts, 'guard' | 'authRouter' | 'adminRouter'>;
  audit: AuditLog;
  auditQueries: AuditQueries;
  clock: Clock;
  /** Mount GET /api/sandbox/scenarios (the embedded sandbox's "try these" list). */
  sandbox: boolean;
  /** The routers whose requests the audit trail records (the stock API). */
  audited: Router[];
}

/**
 * Every /api router of the console, in the one order that keeps it safe: the access guard
 * before everything (every route after it needs a session and the right role), the audit trail
 * immediately before the routes it records. The console and its test consoles all mount this.
 */
export function consoleApiRouters(parts: ApiRouterParts): Router[] {
  const { accounts, audit, auditQueries, clock } = parts;
  return [
    accounts.guard,
    explanationsRouter(),
    ...(parts.sandbox ? [sandboxRouter()] : []),
    accounts.authRouter,
    accounts.adminRouter,
    auditRouter(auditQueries, audit, clock),
    auditTrail(audit, clock),
    ...parts.audited,
  ];
}
