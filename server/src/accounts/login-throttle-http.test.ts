import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORDS, startTestConsole, type TestConsole } from '../../test/support/test-console';
import { apiErrorBodySchema } from '../contract/error';
import type { PasswordHasher } from './passwords';

const MINUTE = 60_000;

let c: TestConsole | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

async function start(counts?: { verify: number; nobody: number }) {
  c = await startTestConsole({
    trustProxy: true,
    wrapHasher: (h): PasswordHasher => ({
      ...h,
      verify: (password, stored) => {
        if (counts) counts.verify += 1;
        return h.verify(password, stored);
      },
      verifyNobody: (password) => {
        if (counts) counts.nobody += 1;
        return h.verifyNobody(password);
      },
    }),
  });
  return c;
}

const attempt = (tc: TestConsole, username: string, password: string, ip: string) =>
  tc
    .http()
    .post('/api/auth/login')
    .set('Origin', tc.origin)
    .set('X-Forwarded-For', ip)
    .send({ username, password });

function throttled(res: { status: number; body: unknown; headers: Record<string, string> }) {
  expect(res.status).toBe(429);
  const { error } = apiErrorBodySchema.parse(res.body);
  expect(error.code).toBe('RATE_LIMITED');
  expect(res.headers['retry-after']).toBe(String(error.retryAfterSeconds));
  return error;
}

describe('login throttling', () => {
  it('holds an account back from one address after 5 failures, and says when to retry', async () => {
    const tc = await start();
    for (let i = 1; i <= 5; i += 1) {
      const res = await attempt(tc, 'operator', `wrong-${i}`, '10.0.0.1');
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe('Wrong username or password');
      tc.clock.advance(MINUTE);
    }
    // Even the right password waits, from that address: failures at 0..4 min, now 5 min.
    const error = throttled(await attempt(tc, 'operator', PASSWORDS.operator, '10.0.0.1'));
    expect(error.retryAfterSeconds).toBe(10 * 60);
    const until = new Date(tc.clock.now() + 10 * MINUTE).toISOString().replace('.000', '');
    expect(error.message).toBe(
      `Too many failed sign-ins: try again after ${until} (in 10 minutes)`,
    );
    // The owner at another address is not locked out; nor is another account from that address.
    expect((await attempt(tc, 'operator', PASSWORDS.operator, '10.0.1.1')).status).toBe(200);
    expect((await attempt(tc, 'support', PASSWORDS.support, '10.0.0.1')).status).toBe(200);
  });

  it('slows an account tried from many addresses by seconds, and never locks it', async () => {
    const tc = await start();
    for (let i = 1; i <= 5; i += 1) {
      expect((await attempt(tc, 'admin', 'wrong-password', `10.0.0.${i}`)).status).toBe(401);
    }
    const error = throttled(await attempt(tc, 'admin', PASSWORDS.admin, '10.0.1.1'));
    expect(error.retryAfterSeconds).toBe(2);
    expect(error.message).toMatch(/\(in 2 s\)$/);
    tc.clock.advance(2000);
    expect((await attempt(tc, 'admin', PASSWORDS.admin, '10.0.1.1')).status).toBe(200);
  });

  it('holds an address back after 20 failures in 15 minutes, whatever names it tries', async () => {
    const tc = await start();
    for (let i = 0; i < 20; i += 1) {
      const name = ['admin', 'operator', 'ghost', 'support'][i % 4] ?? 'ghost';
      expect((await attempt(tc, `${name}-${i}`, 'wrong-password', '192.0.2.7')).status).toBe(401);
    }
    throttled(await attempt(tc, 'admin', PASSWORDS.admin, '192.0.2.7'));
    expect((await attempt(tc, 'admin', PASSWORDS.admin, '192.0.2.8')).status).toBe(200);
  });

  it('answers unknown names exactly like known ones, after a full password derivation', async () => {
    const counts = { verify: 0, nobody: 0 };
    const tc = await start(counts);
    // Not counting the dummy hash prepared at start.
    counts.nobody = 0;
    const answers: unknown[][] = [[], []];
    for (let i = 0; i < 6; i += 1) {
      for (const [n, name] of ['operator', 'no-such-user'].entries()) {
        const res = await attempt(tc, name, 'wrong-password', `198.51.100.${n}`);
        answers[n]?.push({ status: res.status, body: res.body, retry: res.headers['retry-after'] });
      }
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]?.at(-1)).toMatchObject({ status: 429 });
    // 5 known-name attempts verified the hash; 5 unknown-name attempts spent a dummy derivation.
    expect(counts).toEqual({ verify: 5, nobody: 5 });
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const tc = await start();
    for (let i = 0; i < 4; i += 1) await attempt(tc, 'support', 'wrong-password', `10.1.0.${i}`);
    expect((await attempt(tc, 'support', PASSWORDS.support, '10.1.1.1')).status).toBe(200);
    for (let i = 0; i < 4; i += 1) await attempt(tc, 'support', 'wrong-password', `10.2.0.${i}`);
    expect((await attempt(tc, 'support', PASSWORDS.support, '10.1.1.1')).status).toBe(200);
  });
});
