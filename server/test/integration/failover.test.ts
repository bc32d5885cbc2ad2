import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/sandbox';
import { clientFor, itemsQuery, startIntegrationSandbox } from '../support/wiring';

const STOCK = '16000003';
let primary: RunningSandbox;
let backup: RunningSandbox;
let resetting: Server;
let resettingUrl: string;
let resets = 0;
let closedUrl: string;

const listen = (server: Server) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

beforeAll(async () => {
  // Both sandboxes load the shared keys: one merchant, two hosts, as api and api2 are.
  primary = await startIntegrationSandbox();
  backup = await startIntegrationSandbox();
  resetting = createServer((socket) => {
    resets += 1;
    socket.resetAndDestroy();
  });
  resettingUrl = `http://127.0.0.1:${await listen(resetting)}`;
  const probe = createServer();
  closedUrl = `http://127.0.0.1:${await listen(probe)}`;
  await close(probe); // nothing listens there any more: connections are refused
});
afterAll(async () => {
  await Promise.all([primary.close(), backup.close(), close(resetting)]);
});

describe('failover to the backup host', () => {
  it.each([
    ['refuses connections', () => closedUrl],
    ['resets connections', () => resettingUrl],
  ])('succeeds via the backup when the primary %s', async (_, primaryUrl) => {
    const before = backup.stats.calls({ stockId: STOCK });
    const client = clientFor(backup, { baseUrl: primaryUrl(), backupBaseUrl: backup.url });
    const result = await client.listAvailableItems(itemsQuery(STOCK, 0, 10));
    expect(result).toMatchObject({ ok: true, attempts: 2, data: { total_count: 57 } });
    expect(backup.stats.calls({ stockId: STOCK }) - before).toBe(1);
  });

  it('moves to the backup after a 5xx and stays there', async () => {
    primary.faults.inject('system_error', { match: { stockId: STOCK } });
    const [primaryBefore, backupBefore] = [primary, backup].map((s) =>
      s.stats.calls({ stockId: STOCK }),
    );
    const client = clientFor(primary, { backupBaseUrl: backup.url });
    const result = await client.listAvailableItems(itemsQuery(STOCK, 0, 10));
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(primary.stats.calls({ stockId: STOCK }) - (primaryBefore ?? 0)).toBe(1);
    expect(backup.stats.calls({ stockId: STOCK }) - (backupBefore ?? 0)).toBe(1);
    expect(primary.stats.calls({ stockId: STOCK, status: 500 })).toBe(1);
  });

  it('does not fail over on a 4xx: the answer is final', async () => {
    const before = backup.stats.calls();
    const client = clientFor(primary, { backupBaseUrl: backup.url });
    const result = await client.listAvailableItems(itemsQuery('9900000022', 0, 10));
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { status: 404 } });
    expect(backup.stats.calls()).toBe(before);
  });

  it('reports upstream_unavailable when both hosts are down, after maxRetries', async () => {
    const resetsBefore = resets;
    const client = clientFor(backup, {
      baseUrl: closedUrl,
      backupBaseUrl: resettingUrl,
      maxRetries: 2,
    });
    const result = await client.listAvailableItems(itemsQuery(STOCK, 0, 10));
    expect(result).toMatchObject({
      ok: false,
      attempts: 3,
      error: { kind: 'upstream_unavailable', cause: 'network', retryable: true },
    });
    expect(resets - resetsBefore).toBe(2); // one refused attempt, then two on the backup
  });
});
