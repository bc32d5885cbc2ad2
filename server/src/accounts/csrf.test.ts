import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestConsole, type TestConsole } from '../../test/support/test-console';
import { CSRF_HEADER } from '../contract/auth';
import { apiErrorBodySchema } from '../contract/error';

describe('CSRF protection', () => {
  let c: TestConsole;
  let admin: Session;
  beforeAll(async () => {
    c = await startTestConsole();
    admin = await c.signIn('admin');
  });
  afterAll(() => c.close());

  const createUser = (name: string) => ({
    username: name,
    role: 'support',
    password: 'long-enough-pw',
  });
  const refused = (res: { status: number; body: unknown }, message: RegExp) => {
    expect(res.status).toBe(403);
    const { error } = apiErrorBodySchema.parse(res.body);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(message);
  };
  const users = async () => (await c.accounts.users.list()).map((u) => u.username);

  it('accepts a state-changing request with this Origin and the session token', async () => {
    const res = await c.as(admin, 'post', '/api/admin/users').send(createUser('fine'));
    expect(res.status).toBe(201);
  });

  it('refuses a missing token', async () => {
    const res = await c
      .http()
      .post('/api/admin/users')
      .set('Cookie', admin.cookie)
      .set('Origin', c.origin)
      .send(createUser('no-token'));
    refused(res, /Missing X-CSRF-Token/);
    expect(await users()).not.toContain('no-token');
  });

  it('refuses a wrong token, including another session’s', async () => {
    const other = await c.signIn('operator');
    for (const token of ['wrong', other.csrf, `${admin.csrf}x`]) {
      const res = await c
        .as(admin, 'post', '/api/admin/users')
        .set(CSRF_HEADER, token)
        .send(createUser('bad-token'));
      refused(res, /does not match this session/);
    }
    expect(await users()).not.toContain('bad-token');
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const res = await c
      .as(admin, 'post', '/api/admin/users')
      .set('Origin', 'https://evil.example')
      .send(createUser('foreign'));
    refused(res, /Origin evil\.example is not this console/);
    expect(await users()).not.toContain('foreign');
  });

  it('refuses a request with neither Origin nor Referer, and an opaque "null" Origin', async () => {
    const bare = await c
      .http()
      .post('/api/admin/users')
      .set('Cookie', admin.cookie)
      .set(CSRF_HEADER, admin.csrf)
      .send(createUser('bare'));
    refused(bare, /must send an Origin/);
    const opaque = await c.as(admin, 'post', '/api/admin/users').set('Origin', 'null').send({});
    refused(opaque, /must send an Origin/);
  });

  it('falls back to the Referer when there is no Origin', async () => {
    const base = () =>
      c
        .http()
        .post('/api/admin/users/fine/disable')
        .set('Cookie', admin.cookie)
        .set(CSRF_HEADER, admin.csrf);
    refused(await base().set('Referer', 'https://evil.example/page'), /Referer evil\.example/);
    expect((await base().set('Referer', `${c.origin}/admin/users`)).status).toBe(200);
  });

  it('checks the Origin of a login too, so no other site can sign a browser in', async () => {
    const res = await c
      .http()
      .post('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ username: 'admin', password: 'whatever' });
    refused(res, /not this console/);
  });

  it('does not ask reads for a token', async () => {
    const res = await c.http().get('/api/auth/me').set('Cookie', admin.cookie);
    expect(res.status).toBe(200);
  });

  it('refuses logout without the token, so another site cannot sign people out', async () => {
    const res = await c
      .http()
      .post('/api/auth/logout')
      .set('Cookie', admin.cookie)
      .set('Origin', c.origin);
    refused(res, /Missing X-CSRF-Token/);
    expect((await c.http().get('/api/auth/me').set('Cookie', admin.cookie)).status).toBe(200);
  });
});
