import { afterEach, describe, expect, it } from 'vitest';
import { gateFrom, type Harness, settled, startHarness } from '../../test/support/stocks-harness';
import { ApiError } from '../http/api-error';
import { createFairShare, DEFAULT_FAIR_SHARE } from './fair-share';

const CREATOR = '1900000109';
const target = (stockId: string) => ({ stockId, stockCreatorMchid: CREATOR });
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function refusalOf(started: Promise<unknown>) {
  const error = await started.then(
    () => expect.fail('expected the start to be refused'),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApiError)) throw error;
  return error.payload;
}

describe('scans under each person’s fair share', () => {
  it('refuses a person’s new walk beyond their share; joining one is free, others start theirs', async () => {
    const gate = gateFrom(0);
    const h = await startHarness({
      wrapClient: gate.wrap,
      fairShare: createFairShare({ ...DEFAULT_FAIR_SHARE, scansPerUser: 2 }),
    });
    harness = h;
    const mine = { requester: 'user:1' };
    const first = await h.scans.start(target('16000004'), mine);
    await h.scans.start(target('16000005'), mine);
    expect(await refusalOf(h.scans.start(target('16000006'), mine))).toMatchObject({
      code: 'USER_BUDGET_EXCEEDED',
      status: 429,
      retryable: true,
    });
    // Joining a scan that is already walking costs nothing, whoever asks.
    expect(await h.scans.start(target('16000004'), mine)).toBe(first);
    expect(await h.scans.start(target('16000004'), { requester: 'user:2' })).toBe(first);
    // Someone else asking for the stock at the same moment is not refused with the first.
    const refused = h.scans.start(target('16000003'), mine);
    const theirs = h.scans.start(target('16000003'), { requester: 'user:2' });
    expect(await refusalOf(refused)).toMatchObject({ code: 'USER_BUDGET_EXCEEDED' });
    expect((await theirs).requester).toBe('user:2');

    gate.release();
    for (const stockId of ['16000004', '16000005', '16000003']) {
      expect((await settled(h.scans, stockId)).state).toBe('done');
    }
    // Finished walks give their slots back.
    expect((await h.scans.start(target('16000006'), mine)).requester).toBe('user:1');
  });

  it('ends a scan of a stock that does not exist at its first page and frees the slot', async () => {
    const h = await startHarness({
      fairShare: createFairShare({ ...DEFAULT_FAIR_SHARE, scansPerUser: 1 }),
    });
    harness = h;
    await h.scans.start(target('19999999'), { requester: 'user:1' });
    const scan = await settled(h.scans, '19999999');
    expect(scan.progress()).toMatchObject({ state: 'failed', pages_done: 0 });
    expect(scan.error).toMatchObject({ code: 'UPSTREAM_REJECTED', status: 404 });
    expect(h.sandbox.stats.calls({ stockId: '19999999' })).toBe(1);
    // (That a 404 is never retried, with retries on, reliability/fair-pacing.test.ts shows.)
    await h.scans.start(target('16000003'), { requester: 'user:1' });
    expect((await settled(h.scans, '16000003')).state).toBe('done');
  });
});
