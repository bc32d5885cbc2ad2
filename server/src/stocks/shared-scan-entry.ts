import type Redis from 'ioredis';
import type { Clock } from '../lib/clock';
import type { PageArrival, Scan } from './scan';
import { runWalk, type WalkContext } from './scan-walk';
import type { ScanRecords, ScanView } from './scans/redis-scan-records';
import type { ScanStore } from './scans/scan-store';
import { catchUp, interruptHere, metaOf } from './shared-scan-mirror';

/** A running scan on this replica: walked here (owner) or shown from Redis (mirror). */
export interface ScanEntry {
  key: string;
  scanId: string;
  scan: Scan;
  role: 'owner' | 'mirror';
  /** The lock value while this replica walks: never reused, so a stale write cannot pass. */
  token?: string;
  handover?: AbortController;
  timer?: NodeJS.Timeout;
  syncing?: Promise<void>;
  syncAgain?: boolean;
}

/** What this replica shares between its scans. */
export interface ReplicaScans {
  ctx: WalkContext;
  records: ScanRecords;
  /** Finished scans of this replica, under `${key}#${scanId}`: rebuilt once, reused while current. */
  store: ScanStore;
  subscriber: Redis;
  clock: Clock;
  replicaId: string;
  lockTtlMs: number;
  cacheTtlMs: number;
  running: Map<string, ScanEntry>;
  byChannel: Map<string, ScanEntry>;
  walks: Set<Promise<void>>;
  closed: boolean;
  acquisitions: number;
}

export const finishedKey = (key: string, scanId: string) => `${key}#${scanId}`;

export function lockToken(rs: ReplicaScans, scanId: string): string {
  rs.acquisitions += 1;
  return `${rs.replicaId}:${scanId}:${rs.acquisitions}`;
}

const isCurrent = (rs: ReplicaScans, entry: ScanEntry) => rs.running.get(entry.key) === entry;

/** Stops watching Redis for this entry (timer and channel). */
export function stopFollowing(rs: ReplicaScans, entry: ScanEntry): void {
  clearTimeout(entry.timer);
  const channel = rs.records.channelOf(entry.key);
  if (rs.byChannel.get(channel) !== entry) return;
  rs.byChannel.delete(channel);
  rs.subscriber.unsubscribe(channel).catch(() => {});
}

/** Takes a scan off this replica's running list, before it is stored or interrupted. */
export function retire(rs: ReplicaScans, entry: ScanEntry): void {
  stopFollowing(rs, entry);
  if (isCurrent(rs, entry)) rs.running.delete(entry.key);
}

/** Keeps a finished scan for reuse and tells its watchers (the last event lets them go). */
async function settle(rs: ReplicaScans, entry: ScanEntry): Promise<void> {
  retire(rs, entry);
  const stored = rs.store.set(finishedKey(entry.key, entry.scanId), entry.scan);
  // Before anything else can find the finished scan, its watchers hear that it ended.
  entry.scan.emit();
  await stored.catch(() => undefined);
}

// ——— owner: walks, writing each page to Redis first, while it can prove it holds the lock ———

function metaWithPage(entry: ScanEntry, page: PageArrival) {
  const { totalCount, reachableCount, offsetMode } = page;
  const meta = metaOf(entry.scanId, entry.scan);
  return { ...meta, pagesDone: meta.pagesDone + 1, totalCount, reachableCount, offsetMode };
}

/**
 * Walks the entry's scan under `token` (resuming from its pages), then finishes or hands over;
 * settles when this replica's part of the walk is over.
 */
export function own(rs: ReplicaScans, entry: ScanEntry, token: string): Promise<void> {
  stopFollowing(rs, entry);
  const handover = new AbortController();
  entry.role = 'owner';
  entry.token = token;
  entry.handover = handover;
  const lost = () => handover.abort();
  // Renewing three times per period survives one slow renewal; a failed one means this replica
  // can no longer prove it holds the lock, so it stops before anyone else may take over.
  const renewal = setInterval(() => {
    rs.records.renew(entry.key, token).then((held) => held || lost(), lost);
  }, rs.lockTtlMs / 3);
  renewal.unref();
  const record = async (page: PageArrival) => {
    const meta = metaWithPage(entry, page);
    const kept = await rs.records.append(entry.key, token, page, meta).catch(() => false);
    if (kept) return;
    lost();
    throw new Error('this replica no longer holds the scan lock');
  };
  const walk = (async () => {
    const finished = await runWalk(rs.ctx, entry.scan, {
      handover: handover.signal,
      record,
      resume: true,
    });
    clearInterval(renewal);
    if (finished) return finishOwned(rs, entry, token);
    if (rs.closed) return;
    // Let go (if Redis still answers) so that whoever watches continues at once, this replica
    // included: its viewers keep watching the same scan.
    await rs.records.release(entry.key, token, entry.scanId).catch(() => false);
    follow(rs, entry);
  })();
  rs.walks.add(walk);
  void walk.finally(() => rs.walks.delete(walk));
  return walk;
}

async function finishOwned(rs: ReplicaScans, entry: ScanEntry, token: string): Promise<void> {
  entry.scan.expiresAt = rs.clock.now() + rs.cacheTtlMs;
  // Refused (lock lost at the very end) or Redis away: whoever takes over finds every page
  // and finishes without reading any again; this replica's copy is right meanwhile.
  await rs.records.finish(entry.key, token, metaOf(entry.scanId, entry.scan)).catch(() => false);
  await settle(rs, entry);
}

// ——— mirror: shows another replica's walk, and continues it when that replica is gone ———

/** Follows the scan in Redis: each event (and a timer, in case one is lost) brings it up to date. */
export function follow(rs: ReplicaScans, entry: ScanEntry): void {
  entry.role = 'mirror';
  const channel = rs.records.channelOf(entry.key);
  rs.byChannel.set(channel, entry);
  // A subscription refused while Redis is away is made up for by the timer.
  rs.subscriber.subscribe(channel).catch(() => {});
  void sync(rs, entry);
}

function watchAgain(rs: ReplicaScans, entry: ScanEntry, lockLeftMs: number | null): void {
  const period = rs.lockTtlMs / 3;
  // Look again just after the lock would expire, if that comes sooner: a takeover then waits
  // for the expiry alone, not for the next period.
  const delay = lockLeftMs === null ? period : Math.min(period, lockLeftMs + 5);
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => void sync(rs, entry), delay);
  entry.timer.unref();
}

/** One catch-up at a time per entry; a request meanwhile runs one more after it. */
export function sync(rs: ReplicaScans, entry: ScanEntry): Promise<void> {
  if (entry.syncing) {
    entry.syncAgain = true;
    return entry.syncing;
  }
  const following = () => entry.role === 'mirror' && isCurrent(rs, entry) && !rs.closed;
  entry.syncing = (async () => {
    do {
      entry.syncAgain = false;
      if (following()) await syncOnce(rs, entry, following);
    } while (entry.syncAgain && following());
  })().finally(() => {
    entry.syncing = undefined;
  });
  return entry.syncing;
}

async function syncOnce(rs: ReplicaScans, entry: ScanEntry, following: () => boolean) {
  let view: ScanView;
  try {
    view = await rs.records.read(entry.key, entry.scan.pagesDone);
  } catch {
    if (following()) watchAgain(rs, entry, null);
    return;
  }
  if (!following()) return;
  const { meta } = view;
  if (meta?.scanId !== entry.scanId) {
    retire(rs, entry);
    const why = meta ? 'A newer scan of this stock replaced it' : 'Its shared record is gone';
    interruptHere(entry.scan, rs.clock.now(), `${why} before this replica saw it finish`);
    return;
  }
  if (catchUp(entry.scan, { ...view, meta })) return settle(rs, entry);
  if (view.lockLeftMs === null && (await takeOver(rs, entry))) return;
  if (following()) watchAgain(rs, entry, view.lockLeftMs);
}

/** The owner is gone (its lock expired or was let go): continue its walk here, if first. */
async function takeOver(rs: ReplicaScans, entry: ScanEntry): Promise<boolean> {
  const token = lockToken(rs, entry.scanId);
  const won = await rs.records.takeOver(entry.key, token, entry.scanId).catch(() => false);
  if (!won) return false;
  try {
    // Nobody can append any more: read what the last owner added before it went.
    const view = await rs.records.read(entry.key, entry.scan.pagesDone);
    if (rs.closed || view.meta?.scanId !== entry.scanId) throw new Error('not to be continued');
    catchUp(entry.scan, { ...view, meta: view.meta });
  } catch {
    await rs.records.release(entry.key, token, entry.scanId).catch(() => false);
    return false;
  }
  void own(rs, entry, token);
  return true;
}

/** Shutdown: lets go of every scan without ending it in Redis, so another replica continues it. */
export async function handOverAll(rs: ReplicaScans): Promise<void> {
  rs.closed = true;
  const entries = [...rs.running.values()];
  for (const entry of entries) {
    entry.handover?.abort();
    stopFollowing(rs, entry);
  }
  await Promise.allSettled([...rs.walks]);
  await Promise.allSettled(
    entries.map((entry) =>
      entry.role === 'owner' && entry.token
        ? rs.records.release(entry.key, entry.token, entry.scanId)
        : undefined,
    ),
  );
  const at = rs.clock.now();
  for (const entry of entries) {
    retire(rs, entry);
    interruptHere(entry.scan, at, 'This console replica is shutting down');
  }
}
