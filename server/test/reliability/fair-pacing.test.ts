// Suite: one person flooding the console (150 scan starts, 150 page lookups kept coming) while
// another reads pages and checks coverage. The pacer runs at WeChat Pay's real pace (200/min per
// IP); delays are counted in grants that went to others, not in wall time on a busy machine.
import { setTimeout as delay } from 'node:timers/promises';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../src/accounts/passwords';
import type { Role } from '../../src/contract/auth';
import { systemClock } from '../../src/lib/clock';
import { createFairShare, DEFAULT_FAIR_SHARE } from '../../src/stocks/fair-share';
import { TEST_SCRYPT } from '../support/test-console';
import { codesOfStock } from '../support/wiring';
import { coverage, expectApiError, itemsPage, startScan, waitForScan } from './api-calls';
import { type ApiAgent, type ConsoleUnderTest, startConsole } from './console-under-test';
import { type Grant, grantLog } from './grant-log';

const SMALL = '16000003'; // 57 codes: one page
const PAGED = '16000005'; // 5,000 codes
const LONG_WALKS = ['16000006', '16000005', '16000004'];
const GHOSTS = Array.from({ length: 147 }, (_, i) => String(19_000_001 + i));
const FLOOD_LOOKUPS = 150;

const log = grantLog(systemClock);
let c: ConsoleUnderTest;
let flooder: ApiAgent;
let operator: ApiAgent;
const requesterOf: Partial<Record<'flooder' | 'operator', string>> = {};

async function addUser(role: Role, username: string) {
  const password = `Fair-${role}-${Math.random().toString(36).slice(2)}`;
  const passwordHash = await createPasswordHasher(TEST_SCRYPT).hash(password);
  const user = await c.accounts.store.users.create({ username, role, passwordHash });
  if (!user) throw new Error(`could not create ${username}`);
  return { who: { username, password }, requester: `user:${user.id}` };
}

const fresh = (req: ReturnType<ApiAgent['get']>) => req.set('Cache-Control', 'no-cache');

/** Runs `calls` as the operator: wall time, and the grants others got while they waited. */
async function asOperator(calls: () => Promise<Response[]>) {
  const from = log.grants.length;
  const started = performance.now();
  const answers = await calls();
  const ms = performance.now() - started;
  for (const res of answers) expect(res.status, res.text).toBe(200);
  const mine = log.grants
    .map((grant, index) => ({ grant, index }))
    .slice(from)
    .filter(({ grant }) => grant.requester === requesterOf.operator);
  const firstAsked = Math.min(...mine.map(({ grant }) => grant.asked));
  const lastIndex = Math.max(...mine.map(({ index }) => index));
  const toOthers = log.grants
    .slice(firstAsked, lastIndex + 1)
    .filter((grant: Grant) => grant.requester !== requesterOf.operator).length;
  // The longest any of the calls waited in the pacer's line (their requests reach it apart).
  const pacerMs = Math.max(...mine.map(({ grant }) => grant.at - grant.askedAt));
  return { ms, pacerMs, grants: mine.length, toOthers };
}

const lookup = () => asOperator(async () => [await fresh(itemsPage(operator, SMALL))]);
const threePages = () =>
  asOperator(() =>
    Promise.all([0, 1, 2].map((offset) => fresh(itemsPage(operator, PAGED, offset)))),
  );

async function until(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(10);
  }
}

beforeAll(async () => {
  c = await startConsole({ client: { pacer: log.pacer }, fairShare: createFairShare() });
  const support = await addUser('support', 'flooding-support');
  const op = await addUser('operator', 'waiting-operator');
  requesterOf.flooder = support.requester;
  requesterOf.operator = op.requester;
  flooder = await c.apiAgentAs(support.who);
  operator = await c.apiAgentAs(op.who);
}, 30_000);

afterAll(async () => {
  await c?.close();
});

describe('one person flooding the shared WeChat Pay budget', () => {
  it('delays nobody else’s lookup, 3-page read or coverage check by more than their turn', async () => {
    const flooderId = requesterOf.flooder ?? '';
    const idleLookup = await lookup();
    const idleRead = await threePages();

    let flooding = true;
    const scanStarts = Promise.all(
      [...LONG_WALKS, ...GHOSTS].map((stockId) => startScan(flooder, stockId)),
    );
    const lookupAnswers: Response[] = [];
    const workers = Array.from({ length: FLOOD_LOOKUPS }, async () => {
      while (flooding) {
        const res = await fresh(itemsPage(flooder, SMALL));
        lookupAnswers.push(res);
        // A refused caller comes back as soon as the console allows, and keeps its place busy.
        if (res.status === 429) await delay(Number(res.headers['retry-after'] ?? 1) * 1_000);
      }
    });
    const floodGrants = () => log.grants.filter((g) => g.requester === flooderId).length;
    await until(
      () => floodGrants() >= 15 && log.waitingNow(flooderId, 'interactive') >= 4,
      'the flood to fill the line',
    );

    const busyLookup = await lookup();
    const busyRead = await threePages();
    // The coverage check starts the operator's own scan, which must not wait out the flood.
    const codes = codesOfStock(SMALL).slice(0, 2);
    const fromCheck = log.grants.length;
    const first = await coverage(operator, SMALL, codes);
    expect(first.status).toBe(200);
    const scanned = await waitForScan(operator, SMALL, 20_000);
    const scanWaited = log.grants
      .slice(fromCheck)
      .findIndex((g) => g.requester === requesterOf.operator && g.priority === 'background');
    const checked = await coverage(operator, SMALL, codes);
    flooding = false;
    await Promise.all(workers);
    const starts = await scanStarts;

    // Nobody was served between the operator's ask and the operator's grant.
    expect(busyLookup.toOthers).toBe(0);
    expect(busyRead).toMatchObject({ grants: 3, toOthers: 0 });
    // Hence at most 3 grant intervals in the pacer's line (each grant is one interval apart),
    // with a little room for a busy machine's timer lag.
    expect(busyRead.pacerMs).toBeLessThan(3 * log.intervalMs + 250);
    expect(scanned.state).toBe('done');
    expect(checked.body.counts).toEqual({ covered: 2, not_covered: 0, unknown: 0 });

    // The flooder got a clear refusal beyond their share, and never more than their share.
    const refusedStarts = starts.filter((res) => res.status === 429);
    expect(starts.every((res) => [200, 202, 429].includes(res.status))).toBe(true);
    expect(refusedStarts.length).toBeGreaterThan(100);
    const refusedLookups = lookupAnswers.filter((res) => res.status === 429);
    expect(lookupAnswers.every((res) => [200, 429].includes(res.status))).toBe(true);
    for (const res of [...refusedStarts.slice(0, 3), ...refusedLookups.slice(0, 3)]) {
      expectApiError(res, { code: 'USER_BUDGET_EXCEEDED', status: 429 });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect(log.mostWaiting(flooderId, 'interactive')).toBeLessThanOrEqual(
      DEFAULT_FAIR_SHARE.lookupsPerUser,
    );
    expect(log.mostWaiting(flooderId, 'background')).toBeLessThanOrEqual(
      DEFAULT_FAIR_SHARE.scansPerUser,
    );

    // A scan of a stock that does not exist ends at its first page: one call, no retries.
    const ghostsStarted = GHOSTS.filter((_, i) => starts[LONG_WALKS.length + i]?.status === 202);
    for (const stockId of ghostsStarted) {
      const ended = await waitForScan(flooder, stockId, 20_000);
      expect(ended).toMatchObject({ state: 'failed', pages_done: 0 });
      expect(ended.error).toMatchObject({ code: 'UPSTREAM_REJECTED', status: 404 });
      expect(c.sandbox.stats.calls({ stockId })).toBe(1);
    }

    const interval = log.intervalMs;
    const inIntervals = (ms: number) => Math.round((ms / interval) * 10) / 10;
    const figure = {
      grant_interval_ms: Math.round(interval),
      lookup_grants_to_others: busyLookup.toOthers,
      three_page_read_grants_to_others: busyRead.toOthers,
      // Longest wait in the pacer's line, idle against flooded, and the difference in intervals.
      lookup_pacer_ms: { idle: idleLookup.pacerMs, flood: busyLookup.pacerMs },
      lookup_pacer_extra_intervals: inIntervals(busyLookup.pacerMs - idleLookup.pacerMs),
      three_page_pacer_ms: { idle: idleRead.pacerMs, flood: busyRead.pacerMs },
      three_page_pacer_extra_intervals: inIntervals(busyRead.pacerMs - idleRead.pacerMs),
      // Round trips through the whole console (wall time: includes the flood's HTTP load).
      lookup_wall_ms: { idle: Math.round(idleLookup.ms), flood: Math.round(busyLookup.ms) },
      three_page_wall_ms: { idle: Math.round(idleRead.ms), flood: Math.round(busyRead.ms) },
      coverage_scan_grants_waited: scanWaited,
      flooder: {
        scan_starts_refused: refusedStarts.length,
        lookups_answered: lookupAnswers.length - refusedLookups.length,
        lookups_refused: refusedLookups.length,
        ghost_scans_walked: ghostsStarted.length,
      },
    };
    if (process.env.RELIABILITY_FIGURES === '1') {
      console.info(`[figures] fair pacing: ${JSON.stringify(figure)}`);
    }
  }, 120_000);
});
