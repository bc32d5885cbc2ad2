import type { ChainableCommander } from 'ioredis';

/**
 * Sends a MULTI or a pipeline and returns its replies in order. ioredis resolves a batch even
 * when some of its commands failed; throwing the first failure lets `orUnavailable` tell Redis
 * being away from a mistake of ours.
 */
export async function repliesOf(batch: ChainableCommander): Promise<unknown[]> {
  const results = await batch.exec();
  // Only a WATCHed key changing discards a transaction, and these stores watch none.
  if (results === null) throw new Error('Redis discarded the transaction');
  return results.map(([error, reply]) => {
    if (error) throw error;
    return reply;
  });
}
