import type { LoginThrottle } from '../accounts/store/login-throttle';
import type { SessionStore } from '../accounts/store/session-store';
import type { UserStore } from '../accounts/store/users';
import type { AuditLog } from '../audit/store/audit-log';
import type { AuditPurge } from '../audit/store/audit-purge';
import type { AuditQueries } from '../audit/store/audit-query';

/** The console's durable store: every concern's port, over SQLite or PostgreSQL. */
export interface ConsoleStore {
  kind: 'sqlite' | 'postgres';
  users: UserStore;
  audit: AuditLog;
  auditQueries: AuditQueries;
  purge: AuditPurge;
  /** Sessions and login throttling of this replica (SQLite), unless Redis holds them. */
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** True when the store answers right now (GET /api/health). */
  healthy(): Promise<boolean>;
  /** Closes the pool (waiting for queries under way) and the SQLite database. */
  close(): Promise<void>;
}
