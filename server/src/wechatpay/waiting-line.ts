import type { Clock } from '../lib/clock';
import type { AcquireOptions, Pacer, PacerPriority } from './pacer';

/** Someone in line, settled exactly once: granted, turned away, or gone by their own signal. */
export type Waiter = { grant: () => void; fail: (reason: unknown) => void };

/** Calls that name no requester share one turn, as if one person made them all. */
export const NO_REQUESTER = '';

/** A person's recent use (their grants) halves every 10 s: a flood is forgiven within a minute. */
export const USE_HALF_LIFE_MS = 10_000;

/**
 * A scan page waits as if its person had used this many grants more. Lookups at people's pace
 * (a handful of grants a minute) therefore always go before scan pages, as decision 005 wants;
 * but a person keeping the line full of lookups loses that head start once their recent use
 * exceeds a scanner's by this much, so one person cannot hold every scan back.
 */
export const LOOKUP_HEAD_START = 16;

// A requester with nothing in line whose use has decayed below this is forgotten (≈ 100 s).
const FORGOTTEN = 1e-3;

type Party = {
  /** Recent use as of `at`: one per grant, halving every USE_HALF_LIFE_MS. */
  use: number;
  at: number;
  /** When this party was last served, as a grant number: the tie-break (longest ago first). */
  served: number;
  lines: Record<PacerPriority, Waiter[]>;
};

const firstPriority = (party: Party): PacerPriority | undefined => {
  if (party.lines.interactive.length > 0) return 'interactive';
  return party.lines.background.length > 0 ? 'background' : undefined;
};

/**
 * The line in front of a pacer, kept in this process even when the budget is shared. Rule (fair
 * share): each requester (a person, or a scan nobody owns) has their own line; the next token
 * goes to the requester who has used the fewest recently, counting a scan page with
 * LOOKUP_HEAD_START more, ties to whoever was served longest ago. Requesters who keep asking
 * are therefore served in turn (round-robin), and one who asks rarely goes first. Within one
 * requester's line, lookups go before scan pages, FIFO within each. A waiter whose signal
 * aborts leaves the line at once (so it is never granted a token it cannot use).
 */
export function createWaitingLine(clock: Clock) {
  const parties = new Map<string, Party>();
  let queued = 0;
  let grants = 0;

  const decay = (party: Party, now: number) => {
    party.use *= 2 ** (-(now - party.at) / USE_HALF_LIFE_MS);
    party.at = now;
  };
  const partyOf = (requester: string): Party => {
    const known = parties.get(requester);
    if (known) return known;
    const party = {
      use: 0,
      at: clock.now(),
      served: 0,
      lines: { interactive: [], background: [] },
    };
    parties.set(requester, party);
    return party;
  };

  return {
    /** Settles when this waiter is granted or turned away, or rejects with the signal's reason. */
    join({ priority = 'interactive', signal, requester }: AcquireOptions = {}): Promise<void> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const line = partyOf(requester ?? NO_REQUESTER).lines[priority];
        const onAbort = () => {
          const index = line.indexOf(waiter);
          if (index >= 0) {
            line.splice(index, 1);
            queued -= 1;
          }
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          fail: (reason) => {
            signal?.removeEventListener('abort', onAbort);
            reject(reason);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        line.push(waiter);
        queued += 1;
      });
    },
    /** Takes the next waiter out of the line, by the fair-share rule, and counts it as used. */
    next(): Waiter | undefined {
      const now = clock.now();
      let best: { party: Party; priority: PacerPriority; key: number } | undefined;
      for (const [requester, party] of parties) {
        decay(party, now);
        const priority = firstPriority(party);
        if (!priority) {
          if (party.use < FORGOTTEN) parties.delete(requester);
          continue;
        }
        const key = party.use + (priority === 'background' ? LOOKUP_HEAD_START : 0);
        const better =
          !best || key < best.key || (key === best.key && party.served < best.party.served);
        if (better) best = { party, priority, key };
      }
      if (!best) return undefined;
      grants += 1;
      best.party.use += 1;
      best.party.served = grants;
      queued -= 1;
      return best.party.lines[best.priority].shift();
    },
    size: () => queued,
    /** Turns everyone in line away with `reason`. */
    failAll(reason: unknown) {
      const everyone = [...parties.values()].flatMap((party) => [
        ...party.lines.interactive.splice(0),
        ...party.lines.background.splice(0),
      ]);
      queued = 0;
      for (const waiter of everyone) waiter.fail(reason);
    },
  };
}

/**
 * Takes one token from every budget and returns 0, or takes none and returns the ms until it
 * could; a promise when the budgets live elsewhere (Redis).
 */
export type TakeOne = () => number | Promise<number>;

/**
 * A pacer: a waiting line served by a token source. The waiter is chosen only once a token is
 * taken, so a lookup that arrived during the wait goes first. If the source fails, everyone in
 * line is turned away with its error, and the next acquire asks it again. `maxNapMs` caps each
 * wait, for a source that other processes may refill sooner than it said.
 */
export function pacerOver(
  takeOne: TakeOne,
  clock: Clock,
  maxNapMs = Number.POSITIVE_INFINITY,
): Pacer {
  const line = createWaitingLine(clock);
  let granted = 0;
  let pumping = false;

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (line.size() > 0) {
        const taken = takeOne();
        // An in-process source answers at once: no tick between the take and the choice.
        const wait = typeof taken === 'number' ? taken : await taken;
        if (wait > 0) {
          await clock.sleep(Math.min(wait, maxNapMs));
          continue;
        }
        // Should everyone have left during an asynchronous take, the token goes unused, which
        // errs on the safe side of the budget.
        const waiter = line.next();
        if (!waiter) continue;
        granted += 1;
        waiter.grant();
      }
    } catch (error) {
      line.failAll(error);
    } finally {
      pumping = false;
    }
  };

  return {
    acquire(options = {}) {
      const joined = line.join(options);
      void pump();
      return joined;
    },
    stats: () => ({ queued: line.size(), granted }),
  };
}
