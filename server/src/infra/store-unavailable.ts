/** A shared store (Redis, PostgreSQL) did not answer; the HTTP edge answers 503 SHARED_STORE_UNAVAILABLE. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(
    readonly store: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Runs an operation on a shared store. */
export type StoreGuard = <T>(what: string, operation: () => Promise<T>) => Promise<T>;

/**
 * The guard for one shared store: the store being away (as `isAway` tells it from a bug of ours
 * or a refused write) becomes a StoreUnavailableError; other errors pass on.
 */
export function sharedStoreGuard(store: string, isAway: (error: unknown) => boolean): StoreGuard {
  return async (what, operation) => {
    try {
      return await operation();
    } catch (error) {
      if (isAway(error)) {
        throw new StoreUnavailableError(store, `${store} did not answer while ${what}`, {
          cause: error,
        });
      }
      throw error;
    }
  };
}
