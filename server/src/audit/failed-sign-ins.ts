import type { Logger } from 'pino';
import type { Clock } from '../lib/clock';
import { type Tally, tallyRow } from './failed-sign-in-row';
import type { AuditLog, AuditRecord } from './store/audit-log';

const MINUTE_MS = 60_000;
// Closed minutes are written within this (wall-clock) time even when no one signs in again.
const SWEEP_MS = 10_000;
// Addresses tallied at once; a flood of more (rotating addresses) writes the open rows early.
const MAX_OPEN = 10_000;

export interface TalliedAuditLog extends AuditLog {
  /** Writes every open tally now: before the trail is read, so a reader is never behind. */
  flush(): Promise<void>;
  /** Stops the sweep and writes every open tally (at shutdown, before the store closes). */
  close(): Promise<void>;
}

/**
 * Failed sign-ins go into the audit trail as one row per client address and minute, with the
 * count and why they failed in `detail`, so strangers guessing names or passwords cannot grow the
 * table without bound. Every other record passes straight through.
 *
 * Why in memory: the trail is append-only (triggers refuse UPDATE), so a counter row cannot be
 * bumped, and a counter table beside it would need a second read path in SQLite and PostgreSQL
 * alike. Each replica counts the minute per address and appends the row when the minute is over
 * (at the next failure or within SWEEP_MS), when an admin reads the trail (so the page is never
 * behind; only an admin's reads can split a minute into more rows), and at shutdown. The row id is
 * taken at the minute's first failure, so a store that is away still refuses the sign-in. A
 * crash (or a failed write, which is logged) loses at most the open minute's tally; the request
 * log keeps each attempt.
 */
export function tallyFailedSignIns(
  audit: AuditLog,
  clock: Clock,
  logger?: Logger,
): TalliedAuditLog {
  const open = new Map<string, Tally>();

  // Taken out of `open` before the first await: two writes never append the same tally.
  const write = async (which: (tally: Tally) => boolean) => {
    const taken = [...open].filter(([, tally]) => which(tally));
    for (const [key] of taken) open.delete(key);
    for (const [, tally] of taken) {
      try {
        await audit.append(tallyRow(tally), await tally.id);
      } catch (error) {
        logger?.error({ err: error, clientIp: tally.ip }, 'could not write failed sign-ins');
      }
    }
  };
  const everything = () => true;
  const writeClosed = () => {
    const minute = Math.floor(clock.now() / MINUTE_MS);
    return write((tally) => tally.minute < minute);
  };
  const sweep = setInterval(() => void writeClosed(), SWEEP_MS);
  sweep.unref();

  const tally = async (record: AuditRecord): Promise<number> => {
    const at = record.at ?? clock.now();
    const minute = Math.floor(at / MINUTE_MS);
    const ip = record.clientIp ?? null;
    const key = `${ip}\n${minute}`;
    let entry = open.get(key);
    if (!entry) {
      void writeClosed();
      if (open.size >= MAX_OPEN) void write(everything);
      const id = audit.reserveId();
      const created: Tally = {
        id,
        ip,
        minute,
        firstAt: at,
        count: 0,
        reasons: new Map(),
        outcomes: new Map(),
        accounts: new Map(),
      };
      entry = created;
      open.set(key, created);
      id.catch(() => open.get(key) === created && open.delete(key));
    }
    entry.count += 1;
    const reason = record.detail ?? 'failed';
    entry.reasons.set(reason, (entry.reasons.get(reason) ?? 0) + 1);
    entry.outcomes.set(record.outcome, (entry.outcomes.get(record.outcome) ?? 0) + 1);
    if (record.username) entry.accounts.set(record.username, record.role);
    return entry.id;
  };

  return {
    reserveId: () => audit.reserveId(),
    append: (record, id) =>
      record.action === 'login_failed' && id === undefined
        ? tally(record)
        : audit.append(record, id),
    flush: () => write(everything),
    close() {
      clearInterval(sweep);
      return write(everything);
    },
  };
}
