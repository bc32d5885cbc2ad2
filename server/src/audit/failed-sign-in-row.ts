import type { AuditRecord } from './store/audit-log';

// Account names listed in one row; the table bounds `detail` anyway.
const MAX_NAMES = 10;

/** One client address's failed sign-ins in one minute, counted in memory (failed-sign-ins.ts). */
export interface Tally {
  id: Promise<number>;
  ip: string | null;
  minute: number;
  firstAt: number;
  count: number;
  /** Why each attempt failed ('unknown name', 'wrong password', …), as login.ts says it. */
  reasons: Map<string, number>;
  outcomes: Map<string, number>;
  /** Accounts named (never a typed name that is no account), with their role. */
  accounts: Map<string, string | null>;
}

const byCount = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
const counts = (map: Map<string, number>) => byCount(map).map(([what, n]) => `${n} ${what}`);

/**
 * The audit row of a tally: the count and why in `detail`; a user only when every attempt named
 * that one account (a typed name that is no account is never kept).
 */
export function tallyRow(tally: Tally): AuditRecord {
  const names = [...tally.accounts.keys()];
  const oneAccount = names.length === 1 && !tally.reasons.has('unknown name');
  const more = names.length > MAX_NAMES ? ` and ${names.length - MAX_NAMES} more` : '';
  const plural = tally.count === 1 ? '' : 's';
  return {
    username: oneAccount ? (names[0] ?? null) : null,
    role: oneAccount ? (tally.accounts.get(names[0] ?? '') ?? null) : null,
    action: 'login_failed',
    // The most frequent: a flood the throttle refused reads RATE_LIMITED.
    outcome: byCount(tally.outcomes)[0]?.[0] ?? 'UNAUTHENTICATED',
    clientIp: tally.ip,
    at: tally.firstAt,
    detail: [
      `${tally.count} failed sign-in${plural} in this minute: ${counts(tally.reasons).join(', ')}`,
      `outcomes: ${counts(tally.outcomes).join(', ')}`,
      ...(names.length ? [`accounts: ${names.slice(0, MAX_NAMES).join(', ')}${more}`] : []),
    ].join('; '),
  };
}
