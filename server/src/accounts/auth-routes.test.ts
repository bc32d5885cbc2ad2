import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORDS, startTestConsole, type TestConsole } from '../../test/support/test-console';
import { PASSWORD_RULES, sessionInfoSchema } from '../contract/auth';
import { apiErrorBodySchema } from '../contract/error';

const MINUTE = 60_000;

describe('sign-in, session and sign-out', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole();
  });
  afterAll(() => c.close());

  const me = (cookie: string) => c.http().get('/api/auth/me').set('Cookie', cookie);

  it('signs in with a session cookie that scripts cannot read and no other site’s request carries', async () => {
    const res = await c.login('Operator', PASSWORDS.operator);
    expect(res.status).toBe(200);
    expect(sessionInfoSchema.parse(res.body)).toMatchObject({
      username: 'operator',
      role: 'operator',
    });
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = String(res.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(
      /^ccc_session=[\w-]{43}; Max-Age=43200; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/,
    );
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure when the request came over https (behind a trusted proxy)', async () => {
    // Behind a TLS proxy the public address is https: CONSOLE_PUBLIC_URL names it.
    const proxied = await startTestConsole({
      trustProxy: true,
      publicOrigins: ['https://coupons.example.com'],
    });
    try {
      const res = await proxied
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .set('X-Forwarded-Host', 'coupons.example.com')
        .set('Origin', 'https://coupons.example.com')
        .send({ username: 'support', password: PASSWORDS.support });
      expect(res.status).toBe(200);
      expect(String(res.headers['set-cookie']?.[0])).toContain('; Secure');
    } finally {
      await proxied.close();
    }
  });

  it('answers me with the user, role and CSRF token of the session', async () => {
    const session = await c.signIn('support');
    const res = await me(session.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ username: 'support', role: 'support', csrf_token: session.csrf });
  });

  it('gives a new session id at every sign-in and ends the one the browser had', async () => {
    const first = await c.signIn('admin');
    const res = await c
      .http()
      .post('/api/auth/login')
      .set('Origin', c.origin)
      .set('Cookie', first.cookie)
      .send({ username: 'admin', password: PASSWORDS.admin });
    const second = String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '';
    expect(second).not.toBe(first.cookie);
    expect((await me(first.cookie)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
  });

  it('logs out for real: the old cookie no longer opens anything', async () => {
    const session = await c.signIn('operator');
    const res = await c.as(session, 'post', '/api/auth/logout');
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie']?.[0])).toMatch(
      /^ccc_session=; .*Expires=Thu, 01 Jan 1970/,
    );
    const replay = await me(session.cookie);
    expect(replay.status).toBe(401);
    expect(apiErrorBodySchema.parse(replay.body).error.code).toBe('UNAUTHENTICATED');
  });

  it('expires a session after 30 idle minutes, on the injected clock', async () => {
    const session = await c.signIn('support');
    c.clock.advance(29 * MINUTE);
    expect((await me(session.cookie)).status).toBe(200);
    c.clock.advance(29 * MINUTE);
    expect((await me(session.cookie)).status).toBe(200);
    c.clock.advance(30 * MINUTE);
    const res = await me(session.cookie);
    expect(res.status).toBe(401);
    expect(String(res.headers['set-cookie']?.[0])).toMatch(/^ccc_session=;/);
  });

  it('expires a session 12 hours after sign-in, however active', async () => {
    const session = await c.signIn('support');
    for (let hour = 0; hour < 12 * 3 - 1; hour += 1) {
      c.clock.advance(20 * MINUTE);
      expect((await me(session.cookie)).status).toBe(200);
    }
    c.clock.advance(20 * MINUTE);
    expect((await me(session.cookie)).status).toBe(401);
  });

  it('ends every session of a user who is disabled or whose password is reset', async () => {
    const admin = await c.signIn('admin');
    const victim = await c.signIn('operator');
    await c
      .as(admin, 'post', '/api/admin/users/operator/reset-password')
      .send({ password: 'brand-new-password' });
    expect((await me(victim.cookie)).status).toBe(401);
    expect((await c.login('operator', PASSWORDS.operator)).status).toBe(401);
    expect((await c.login('operator', 'brand-new-password')).status).toBe(200);

    const again = await c.signIn('support');
    await c.as(admin, 'post', '/api/admin/users/support/disable');
    expect((await me(again.cookie)).status).toBe(401);
    expect((await c.login('support', PASSWORDS.support)).status).toBe(401);
    await c.as(admin, 'post', '/api/admin/users/support/enable');
    expect((await c.login('support', PASSWORDS.support)).status).toBe(200);
  });

  it('refuses to disable the last enabled admin', async () => {
    const admin = await c.signIn('admin');
    const res = await c.as(admin, 'post', '/api/admin/users/admin/disable');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/last enabled admin/);
    expect((await me(admin.cookie)).status).toBe(200);
  });

  it('validates admin input without echoing passwords', async () => {
    const admin = await c.signIn('admin');
    const short = await c
      .as(admin, 'post', '/api/admin/users')
      .send({ username: 'kim', role: 'support', password: 'short-pw' });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({
      field: 'password',
      rule: '12..200 characters',
      value: null,
    });
    expect(short.text).not.toContain('short-pw');
    const taken = await c
      .as(admin, 'post', '/api/admin/users')
      .send({ username: 'Admin', role: 'support', password: 'long-enough-pw' });
    expect(taken.body.error).toMatchObject({ field: 'username', rule: 'not taken' });
    const role = await c
      .as(admin, 'post', '/api/admin/users')
      .send({ username: 'kim', role: 'root', password: 'long-enough-pw' });
    expect(role.body.error).toMatchObject({ field: 'role' });
    // Guessable passwords: 400 PASSWORD_REFUSED naming the rule, explained, never echoed.
    for (const [username, password, rule] of [
      ['kim', 'password1234', PASSWORD_RULES.common],
      ['kimberly', 'Kimberly-Harbour-81', PASSWORD_RULES.username],
    ] as const) {
      const refused = await c
        .as(admin, 'post', '/api/admin/users')
        .send({ username, role: 'support', password });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: 'PASSWORD_REFUSED',
        explanation: 'api.password_refused',
        field: 'password',
        rule,
        value: null,
      });
      expect(refused.text).not.toContain(password);
    }
    const reset = await c
      .as(admin, 'post', '/api/admin/users/operator/reset-password')
      .send({ password: 'qwertyuiop123' });
    expect(reset.body.error).toMatchObject({
      code: 'PASSWORD_REFUSED',
      rule: PASSWORD_RULES.common,
    });
    const missing = await c.as(admin, 'post', '/api/admin/users/nobody/disable');
    expect(missing.status).toBe(404);
  });

  it('lists users without their hashes', async () => {
    const admin = await c.signIn('admin');
    const res = await c.as(admin, 'get', '/api/admin/users');
    expect(res.body.users.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'operator', 'support']),
    );
    expect(res.text).not.toMatch(/scrypt|hash/);
  });
});
