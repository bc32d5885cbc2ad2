import type { AcquireOptions, PacerPriority } from './pacer';

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
