import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { explained } from '../http/explained';
import { createFairShare, type FairShareLimits } from './fair-share';
import { Scan } from './scan';

const LIMITS: FairShareLimits = {
  lookupsPerUser: 2,
  lookupsInAll: 3,
  scansPerUser: 1,
  scansInAll: 2,
  lookupRetryAfterSeconds: 3,
};

/** A lookup that stays in progress until `finish()` (or `fail()`). */
function pending() {
  let finish = () => {};
  let fail = () => {};
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve('answered');
    fail = () => reject(new Error('upstream failed'));
  });
  return { run: () => done, finish: () => finish(), fail: () => fail() };
}

async function refusal(work: () => unknown) {
  try {
    await work();
  } catch (error) {
    // The wire error, explanation included, as the person's browser receives it.
    if (error instanceof ApiError) return explained(error);
    throw error;
  }
  return expect.fail('expected a refusal');
}

const scanOf = (stockId: string) => new Scan({ stockId, stockCreatorMchid: '1900000109' }, 0);

describe('the fair share', () => {
  it('refuses a person’s lookup beyond their share with 429 and Retry-After, others still pass', async () => {
    const share = createFairShare(LIMITS);
    const [a1, a2] = [pending(), pending()];
    const running = [share.lookup('user:1', a1.run), share.lookup('user:1', a2.run)];
    expect(await refusal(() => share.lookup('user:1', async () => 'x'))).toMatchObject({
      code: 'USER_BUDGET_EXCEEDED',
      status: 429,
      retryable: true,
      retryAfterSeconds: 3,
      explanation: 'api.user_budget_exceeded',
    });
    const b = pending();
    const other = share.lookup('user:2', b.run);
    // Three in progress: the console's own bound now refuses everyone.
    const full = await refusal(() => share.lookup('user:3', async () => 'x'));
    expect(full.message).toMatch(/for everyone/);
    a1.finish();
    b.fail();
    await expect(Promise.all([running[0], other])).rejects.toThrow('upstream failed');
    // A finished lookup and a failed one both gave their slot back.
    await expect(share.lookup('user:1', async () => 'again')).resolves.toBe('again');
    await expect(share.lookup('user:3', async () => 'fine')).resolves.toBe('fine');
    a2.finish();
    await running[1];
  });

  it('bounds the scans a person has running, telling them when their soonest one ends', async () => {
    const share = createFairShare(LIMITS);
    const first = scanOf('1');
    const release = share.startScan('user:1', first);
    for (let page = 0; page < 5; page += 1) {
      first.addPage({
        data: [`c${page}`],
        totalCount: 10,
        at: page * 2_000,
        reachableCount: 10,
        pagesTotal: 10,
        offsetMode: 'page',
      });
    }
    const refused = await refusal(() => share.startScan('user:1', scanOf('2')));
    expect(refused).toMatchObject({ code: 'USER_BUDGET_EXCEEDED', status: 429 });
    // Five pages left at one every 2 s.
    expect(refused.retryAfterSeconds).toBe(10);
    share.startScan('user:2', scanOf('3'));
    expect((await refusal(() => share.startScan('user:3', scanOf('4')))).message).toMatch(
      /2 scans in progress for everyone/,
    );
    release();
    expect(() => share.startScan('user:1', scanOf('5'))).not.toThrow();
  });
});
