import { apiError } from '../http/api-error';

/** Runs an operation on a shared store. */
export type StoreGuard = <T>(what: string, operation: () => Promise<T>) => Promise<T>;

/**
 * The guard for one shared store: the store being away (as `isAway` tells it from a bug of ours
 * or a refused write) becomes SHARED_STORE_UNAVAILABLE (503, explained); other errors pass on.
 */
export function sharedStoreGuard(store: string, isAway: (error: unknown) => boolean): StoreGuard {
  return async (what, operation) => {
    try {
      return await operation();
    } catch (error) {
      if (isAway(error)) {
        throw apiError('SHARED_STORE_UNAVAILABLE', `${store} did not answer while ${what}`);
      }
      throw error;
    }
  };
}
