import { describe, expect, it } from 'vitest';
import { runToEnd } from '../support/processes';
import { ADMIN, call, onReplica, signInTab } from '../support/replica-cluster';
import {
  CREATOR,
  latestScan,
  readProgressEvents,
  startScan,
  waitForScan,
} from '../support/scan-progress';
import { useCluster } from '../support/use-cluster';

// Two real console processes behind no load balancer at all: every request picks its replica,
// as a round-robin balancer without sticky sessions would. They share one real redis-server
// (scans, locks, the WeChat Pay budget, sessions, throttling) and one real PostgreSQL (users,
// audit), and call one WeChat Pay sandbox that counts what reaches it.
describe('two console replicas sharing Redis and PostgreSQL', () => {
  const deployment = useCluster({
    replicas: 2,
    // Fast enough that the 50-page stock scans in a few seconds.
    perIpPerMinute: 1000,
    env: { SCAN_LOCK_TTL_MS: '2000' },
  });
  const [a, b] = [() => deployment.url(0), () => deployment.url(1)];

  it('honours a session created through A on B, and signing out on B ends it on A', async () => {
    const signed = await signInTab(a());
    if (!signed.tab) throw new Error(`sign-in failed: ${signed.status}`);
    const onB = onReplica(signed.tab, b());
    expect((await call(onB, 'GET', '/api/auth/me')).body.username).toBe(ADMIN.username);
    expect((await call(onB, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await call(signed.tab, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends a disabled person’s sessions on every replica, from the users command', async () => {
    const person = { username: 'support-li', password: 'Copper-Meadow-Li-7' };
    const added = await runToEnd(
      'src/accounts/cli.ts',
      ['add', person.username, '--role', 'support'],
      deployment.cluster.env,
      `${person.password}\n`,
    );
    expect(added.code, added.output).toBe(0);
    const signed = await signInTab(a(), person);
    if (!signed.tab) throw new Error(`sign-in failed: ${signed.status}`);
    expect((await call(onReplica(signed.tab, b()), 'GET', '/api/auth/me')).status).toBe(200);

    const disabled = await runToEnd(
      'src/accounts/cli.ts',
      ['disable', person.username],
      deployment.cluster.env,
    );
    expect(disabled.code, disabled.output).toBe(0);
    expect((await call(signed.tab, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await call(onReplica(signed.tab, b()), 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('counts failed sign-ins on both replicas towards one lock-out', async () => {
    // One client (its own address) guessing one account: locking them out must not lock out
    // the admin's real sign-ins from elsewhere in the other tests.
    const guesser = '203.0.113.7';
    const wrong = { username: 'someone', password: 'not-the-password' };
    // Five failures in all, alternating replicas: each alone has seen fewer than five.
    for (const base of [a(), b(), a(), b(), a()]) {
      expect((await signInTab(base, wrong, guesser)).status).toBe(401);
    }
    // The sixth try is refused on the replica that saw only two of them.
    const locked = await signInTab(b(), wrong, guesser);
    expect(locked.status).toBe(429);
    // Someone else, from another address, still signs in.
    expect((await signInTab(b(), ADMIN, '203.0.113.8')).status).toBe(200);
  });

  it('lets B join a scan started on A: one upstream walk, progress and search on both', async () => {
    const signed = await signInTab(a());
    if (!signed.tab) throw new Error(`sign-in failed: ${signed.status}`);
    const [onA, onB] = [signed.tab, onReplica(signed.tab, b())];
    const stockId = '16000005';
    const before = deployment.cluster.sandbox.stats.calls({ stockId });

    const started = await startScan(onA, stockId);
    expect(started.state).toBe('running');
    const joined = await startScan(onB, stockId);
    expect(joined.started_at).toBe(started.started_at);
    // A viewer on B follows the walk A makes, page by page, to its end.
    const eventsOnB = readProgressEvents(onB, stockId);

    // B sees the pages A reads while the walk is still going, and can search them.
    const partial = await waitForScan(onB, stockId, (p) => p.codes_loaded >= 1_000);
    expect(partial.state).toBe('running');
    const search = await call(
      onB,
      'GET',
      `/api/stocks/${stockId}/codes?stock_creator_mchid=${CREATOR}&q=&page=1&page_size=10`,
    );
    expect(search.status).toBe(200);
    expect(search.body.searched_count).toBeGreaterThanOrEqual(1_000);

    const done = await waitForScan(onB, stockId, (p) => p.state === 'done');
    expect(done.codes_loaded).toBe(5_000);
    const events = await eventsOnB;
    expect(events.at(-1)?.state).toBe('done');
    expect(events.length).toBeGreaterThan(10);
    const pages = events.map((e) => e.pages_done);
    expect(pages).toEqual([...pages].sort((x, y) => x - y));
    expect((await latestScan(onA, stockId)).codes_loaded).toBe(5_000);
    // One walk: exactly the 50 pages, not 100.
    expect(deployment.cluster.sandbox.stats.calls({ stockId }) - before).toBe(50);

    // Asked again on either replica, the finished scan comes from the shared cache: 0 calls.
    expect((await startScan(onB, stockId)).state).toBe('done');
    expect(deployment.cluster.sandbox.stats.calls({ stockId }) - before).toBe(50);
  });

  it('writes the audit trail to PostgreSQL: a lookup made on A is on B’s audit page', async () => {
    const signed = await signInTab(a());
    if (!signed.tab) throw new Error(`sign-in failed: ${signed.status}`);
    const lookup = await call(
      signed.tab,
      'GET',
      `/api/stocks/16000004/items?stock_creator_mchid=${CREATOR}&offset=0&limit=10`,
    );
    expect(lookup.status).toBe(200);
    const page = await call(
      onReplica(signed.tab, b()),
      'GET',
      '/api/admin/audit?stock_id=16000004&page=1&page_size=10',
    );
    expect(page.status).toBe(200);
    const entries = page.body.entries as { username: string; stock_id: string }[];
    expect(entries.some((e) => e.username === ADMIN.username && e.stock_id === '16000004')).toBe(
      true,
    );
  });
});
