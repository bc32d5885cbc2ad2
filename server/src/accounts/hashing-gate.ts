import { availableParallelism } from 'node:os';
import { apiError } from '../http/api-error';
import type { PasswordHasher } from './passwords';

export interface HashingGateLimits {
  /** Hashes running at once: fewer than libuv's 4 threads, so file and DNS work keeps moving. */
  concurrency: number;
  /** Hashes waiting their turn; one more is refused at once. */
  queue: number;
  /** What a refused caller is told to wait. */
  retryAfterSeconds: number;
}

/**
 * Two hashes at once, but always a core left for the event loop: on 2 cores, two scrypts would
 * take the whole CPU and every other request would wait for the operating system's turn.
 */
export const DEFAULT_HASHING_GATE: HashingGateLimits = {
  concurrency: Math.max(1, Math.min(2, availableParallelism() - 1)),
  queue: 8,
  retryAfterSeconds: 2,
};

export interface HashingGate {
  /** Runs `work` when a slot is free; throws SIGN_IN_BUSY (503) when the queue is full. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Throws SIGN_IN_BUSY when `run` would refuse now: lets a sign-in be turned away before it
   * costs a user lookup and a throttle reservation (a flood is then refused at its cheapest).
   */
  admit(): void;
  readonly running: number;
  readonly waiting: number;
}

/**
 * A counting semaphore with a bounded queue. p-limit would queue without bound: a flood of
 * unauthenticated sign-ins must be refused cheaply, not held in memory until its turn.
 */
export function createHashingGate(limits: HashingGateLimits = DEFAULT_HASHING_GATE): HashingGate {
  let running = 0;
  const waiting: (() => void)[] = [];

  const next = () => {
    running -= 1;
    const start = waiting.shift();
    if (start) {
      running += 1;
      start();
    }
  };

  const admit = () => {
    if (running >= limits.concurrency && waiting.length >= limits.queue) {
      throw apiError('SIGN_IN_BUSY', 'Too many sign-ins are being checked: try again shortly', {
        retryAfterSeconds: limits.retryAfterSeconds,
      });
    }
  };

  return {
    admit,
    async run(work) {
      admit();
      if (running >= limits.concurrency) {
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running += 1;
      }
      try {
        return await work();
      } finally {
        next();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

/** Every derivation of this hasher passes the gate: sign-ins, admin changes and the CLI alike. */
export function gatedHasher(hasher: PasswordHasher, gate: HashingGate): PasswordHasher {
  return {
    hash: (password) => gate.run(() => hasher.hash(password)),
    verify: (password, stored) => gate.run(() => hasher.verify(password, stored)),
    verifyNobody: (password) => gate.run(() => hasher.verifyNobody(password)),
  };
}
