// Probes of sign-in as an attacker would send them (issue: parallel guesses, lockout of others,
// hashing floods): the throttle reserves before hashing, one address cannot lock the owner out,
// and a full hashing queue is refused at once without holding the static files back.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../../src/accounts/passwords';
import { apiErrorBodySchema } from '../../src/contract/error';
import { PASSWORDS, startTestConsole, type TestConsole } from '../support/test-console';

const ASSET = 'console.log("ASSET-MARKER");';
const dist = mkdtempSync(path.join(tmpdir(), 'ccc-sign-in-abuse-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(path.join(dist, 'assets', 'app.js'), ASSET);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

let c: TestConsole | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

/** Counts the derivations that checked a password, and can hold them until released. */
function countingHasher() {
  const counts = { verified: 0 };
  let held: Promise<void> | undefined;
  let releaseHeld = () => {};
  const wrap = (h: PasswordHasher): PasswordHasher => ({
    ...h,
    verify: async (password, stored) => {
      counts.verified += 1;
      await held;
      return h.verify(password, stored);
    },
    verifyNobody: async (password) => {
      counts.verified += 1;
      await held;
      return h.verifyNobody(password);
    },
  });
  return {
    counts,
    wrap,
    hold() {
      held = new Promise((resolve) => {
        releaseHeld = resolve;
      });
    },
    release: () => releaseHeld(),
  };
}

// Production's bounds on a machine of 3 cores or more (hashing-gate.ts).
const GATE = { concurrency: 2, queue: 8, retryAfterSeconds: 2 };

async function start(hasher: ReturnType<typeof countingHasher>) {
  c = await startTestConsole({
    trustProxy: true,
    wrapHasher: hasher.wrap,
    webDistDir: dist,
    hashingGate: GATE,
  });
  // Not counting the dummy hash prepared at start.
  await until(() => c?.accounts.hashing.running === 0);
  hasher.counts.verified = 0;
  return c;
}

const attempt = (tc: TestConsole, username: string, password: string, ip: string) =>
  tc
    .http()
    .post('/api/auth/login')
    .set('Origin', tc.origin)
    .set('X-Forwarded-For', ip)
    .send({ username, password });

const statuses = (answers: { status: number }[]) => {
  const tally: Record<number, number> = {};
  for (const { status } of answers) tally[status] = (tally[status] ?? 0) + 1;
  return tally;
};

/** Waits for the console to reach a state (requests in flight), checking every few ms. */
async function until(reached: () => boolean) {
  for (let i = 0; i < 2_000 && !reached(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(reached()).toBe(true);
}

describe('sign-in under parallel guessing', () => {
  it('30 parallel wrong sign-ins for one account from one address: exactly 5 verified', async () => {
    const hasher = countingHasher();
    const tc = await start(hasher);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(tc, 'admin', `wrong-${i}`, '203.0.113.5')),
    );
    expect(hasher.counts.verified).toBe(5);
    expect(statuses(answers)).toEqual({ 401: 5, 429: 25 });
    // The right password from that address now waits too: the guesses are spent.
    expect((await attempt(tc, 'admin', PASSWORDS.admin, '203.0.113.5')).status).toBe(429);
  });

  it('60 parallel wrong sign-ins: 429s, and still only 5 verified', async () => {
    const hasher = countingHasher();
    const tc = await start(hasher);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attempt(tc, 'operator', `wrong-${i}`, '203.0.113.6')),
    );
    expect(statuses(answers)).toEqual({ 401: 5, 429: 55 });
    expect(hasher.counts.verified).toBe(5);
  });

  it('the owner at another address signs in while the account is attacked', async () => {
    const hasher = countingHasher();
    const tc = await start(hasher);
    const attack = Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(tc, 'admin', `guess-${i}`, '198.51.100.66')),
    );
    const owner = await attempt(tc, 'admin', PASSWORDS.admin, '192.0.2.10');
    expect(owner.status).toBe(200);
    expect(statuses(await attack)).toEqual({ 401: 5, 429: 25 });
    // And again after the attack, from a third address: no lock was left behind.
    expect((await attempt(tc, 'admin', PASSWORDS.admin, '192.0.2.11')).status).toBe(200);
  });
});

describe('sign-in under a hashing flood', () => {
  it('a full hashing queue answers 503 SIGN_IN_BUSY with Retry-After at once, and static files still come', async () => {
    const hasher = countingHasher();
    const tc = await start(hasher);
    hasher.hold();
    // 2 hashing and 8 waiting: unknown names from rotating addresses, as the probe sent them.
    const flood = Array.from({ length: 10 }, (_, i) =>
      attempt(tc, `nobody-${i}`, 'wrong-password', `10.20.0.${i}`),
    );
    const pending = Promise.all(flood);
    await until(() => tc.accounts.hashing.running === 2 && tc.accounts.hashing.waiting === 8);

    const busy = await attempt(tc, 'operator', PASSWORDS.operator, '10.20.1.1');
    expect(busy.status).toBe(503);
    const { error } = apiErrorBodySchema.parse(busy.body);
    expect(error).toMatchObject({ code: 'SIGN_IN_BUSY', retryable: true, retryAfterSeconds: 2 });
    expect(error.explanation).toBe('api.sign_in_busy');
    expect(busy.headers['retry-after']).toBe('2');

    // The queue is still full and no hash has finished: the asset does not wait for them.
    const asset = await tc.http().get('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toBe(ASSET);
    expect(tc.accounts.hashing.waiting).toBe(8);

    hasher.release();
    expect(statuses(await pending)).toEqual({ 401: 10 });
    // The refused attempt was never verified, so it spent none of operator's five.
    for (let i = 0; i < 4; i += 1) {
      expect((await attempt(tc, 'operator', `wrong-${i}`, '10.20.1.1')).status).toBe(401);
    }
    expect((await attempt(tc, 'operator', PASSWORDS.operator, '10.20.1.1')).status).toBe(200);
  });
});
