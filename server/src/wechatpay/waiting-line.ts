import type { AcquireOptions, Pacer, PacerPriority } from './pacer';

/** Someone in line, settled exactly once: granted, turned away, or gone by their own signal. */
export type Waiter = { grant: () => void; fail: (reason: unknown) => void };

/**
 * The line in front of a pacer, kept in this process even when the budget is shared:
 * interactive waiters before background ones, FIFO within a priority, and a waiter whose
 * signal aborts leaves the line at once (so it is never granted a token it cannot use).
 */
export function createWaitingLine() {
  const queues: Record<PacerPriority, Waiter[]> = { interactive: [], background: [] };
  return {
    /** Settles when this waiter is granted or turned away, or rejects with the signal's reason. */
    join({ priority = 'interactive', signal }: AcquireOptions = {}): Promise<void> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const queue = queues[priority];
        const onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
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
        queue.push(waiter);
      });
    },
    /** Takes the first waiter out of the line. */
    next: (): Waiter | undefined => queues.interactive.shift() ?? queues.background.shift(),
    size: () => queues.interactive.length + queues.background.length,
    /** Turns everyone in line away with `reason`. */
    failAll(reason: unknown) {
      const everyone = [...queues.interactive.splice(0), ...queues.background.splice(0)];
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
  sleep: (ms: number) => Promise<void>,
  maxNapMs = Number.POSITIVE_INFINITY,
): Pacer {
  const line = createWaitingLine();
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
          await sleep(Math.min(wait, maxNapMs));
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
