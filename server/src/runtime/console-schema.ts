import loginAttemptsSqlite from '../accounts/store/login-attempts.sqlite.sql';
import loginFailuresSqlite from '../accounts/store/login-failures.sqlite.sql';
import sessionsSqlite from '../accounts/store/sessions.sqlite.sql';
import usersPostgres from '../accounts/store/users.postgres.sql';
import usersSqlite from '../accounts/store/users.sqlite.sql';
import auditLogPostgres from '../audit/store/audit-log.postgres.sql';
import auditLogSqlite from '../audit/store/audit-log.sqlite.sql';
import type { Migration } from '../infra/migration';

/**
 * The console database's schema, in order: each concern writes its own tables, and the console
 * decides the order because they share one database (one backup holds users, sessions and the
 * audit trail). Never edit an applied migration: append a new one.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'users', sql: usersSqlite },
  { version: 2, name: 'sessions', sql: sessionsSqlite },
  { version: 3, name: 'login_failures', sql: loginFailuresSqlite },
  { version: 4, name: 'audit_log', sql: auditLogSqlite },
  { version: 5, name: 'login_attempts', sql: loginAttemptsSqlite },
];

/**
 * The PostgreSQL schema of users and the audit trail, in order. Columns mirror the SQLite ones so
 * both stores hand out the same rows: times are epoch milliseconds (BIGINT), `disabled` is 0/1,
 * `request_ids` a JSON array as text. Sessions and sign-in attempts are not here: they stay per
 * replica (SQLite) or in Redis.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'users', sql: usersPostgres },
  { version: 2, name: 'audit_log', sql: auditLogPostgres },
];
