import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, settled, startHarness } from '../../test/support/stocks-harness';
import { apiError } from '../http/api-error';
import type { Pacer } from '../wechatpay/pacer';

/** A pacer whose shared budget lives in a store that goes away after `grants` calls. */
function pacerLosingItsStore(grants: number): Pacer {
  let granted = 0;
  return {
    async acquire() {
      if (granted >= grants) throw apiError('SHARED_STORE_UNAVAILABLE', 'Redis did not answer');
      granted += 1;
    },
    stats: () => ({ queued: 0, granted }),
  };
}

describe('a scan whose pacing store goes away', () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.close());

  it('fails with the store’s own explanation, not as an internal error', async () => {
    harness = await startHarness({ pacer: pacerLosingItsStore(3) });
    await harness.scans.start({ stockId: '16000005', stockCreatorMchid: '1900000109' });
    const scan = await settled(harness.scans, '16000005');
    expect(scan.state).toBe('failed');
    expect(scan.error?.code).toBe('SHARED_STORE_UNAVAILABLE');
    expect(scan.error?.explanation).toBe('api.shared_store_unavailable');
    expect(scan.error?.retryable).toBe(true);
    // The pages read before it went away are kept.
    expect(scan.pagesDone).toBe(3);
  });
});
