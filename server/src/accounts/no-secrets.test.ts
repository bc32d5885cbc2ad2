import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../../test/support/stocks-harness';
import {
  CREATOR,
  PASSWORDS,
  startTestConsole,
  type TestConsole,
} from '../../test/support/test-console';

const NEW_PASSWORD = 'fresh-Harbour-Lantern-81';
const RESET_PASSWORD = 'reset-Copper-Meadow-27';

describe('no password, hash, private key or session id leaves the server', () => {
  let c: TestConsole;
  const responses: Response[] = [];
  const sessionIds: string[] = [];
  const keep = <R extends Response>(res: R) => {
    responses.push(res);
    return res;
  };

  beforeAll(async () => {
    c = await startTestConsole({ stocks: true });
    for (const role of ['admin', 'operator', 'support'] as const) {
      keep(await c.login(role, `${PASSWORDS[role]}-wrong`));
    }
    const admin = await c.signIn('admin');
    const operator = await c.signIn('operator');
    const support = await c.signIn('support');
    sessionIds.push(admin.sessionId, operator.sessionId, support.sessionId);
    keep(await c.login(PASSWORDS.support, PASSWORDS.support));
    keep(
      await c
        .as(admin, 'post', '/api/admin/users')
        .send({ username: 'kim', role: 'support', password: NEW_PASSWORD }),
    );
    keep(
      await c
        .as(admin, 'post', '/api/admin/users')
        .send({ username: 'kim', role: 'support', password: NEW_PASSWORD }),
    );
    keep(
      await c
        .as(admin, 'post', '/api/admin/users/kim/reset-password')
        .send({ password: RESET_PASSWORD }),
    );
    keep(
      await c.as(admin, 'post', '/api/admin/users/kim/reset-password').send({ password: 'short' }),
    );
    keep(await c.as(admin, 'get', '/api/admin/users'));
    const kim = await c.login('kim', RESET_PASSWORD);
    sessionIds.push(String(kim.headers['set-cookie']?.[0]).split(';')[0]?.split('=')[1] ?? '');
    keep(
      await c
        .as(operator, 'post', '/api/stocks/16000003/scans')
        .send({ stock_creator_mchid: CREATOR }),
    );
    if (c.harness) await settled(c.harness.scans, '16000003');
    keep(
      await c
        .as(support, 'post', '/api/stocks/16000003/coverage')
        .send({ stock_creator_mchid: CREATOR, codes: ['x'] }),
    );
    keep(
      await c.as(support, 'get', `/api/stocks/16000003/codes.csv?stock_creator_mchid=${CREATOR}`),
    );
    keep(await c.as(support, 'get', '/api/auth/me'));
    keep(await c.as(admin, 'get', '/api/admin/audit?page_size=100'));
    keep(await c.as(admin, 'get', '/api/admin/audit.csv'));
    keep(await c.as(operator, 'post', '/api/auth/logout'));
    keep(await c.as(operator, 'get', '/api/auth/me'));
  });
  afterAll(() => c.close());

  const secrets = () => {
    const hashes = (
      c.db.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[]
    ).map((row) => row.password_hash);
    const pem = c.harness?.sandbox.credentials.merchantPrivateKeyPem ?? '';
    const keyLines = pem.split('\n').filter((line) => line && !line.startsWith('-----'));
    expect(hashes.length).toBeGreaterThan(3);
    expect(keyLines.length).toBeGreaterThan(5);
    expect(sessionIds.every((id) => id.length === 43)).toBe(true);
    return [
      ...Object.values(PASSWORDS),
      NEW_PASSWORD,
      RESET_PASSWORD,
      ...hashes,
      ...hashes.map((hash) => hash.split('$')[5] ?? hash),
      ...keyLines,
      ...sessionIds,
    ];
  };

  // Case-insensitive: a password typed as a username arrives lowercased.
  const without = (text: string, where: string) => {
    const haystack = text.toLowerCase();
    for (const secret of secrets()) {
      expect(haystack.includes(secret.toLowerCase()), `${where} holds a secret`).toBe(false);
    }
  };

  it('in no response body or header (but the login Set-Cookie that carries the session)', () => {
    expect(responses.length).toBeGreaterThan(15);
    for (const res of responses) {
      const { 'set-cookie': _cookie, ...headers } = res.headers;
      without(
        `${res.text ?? ''} ${JSON.stringify(res.body)} ${JSON.stringify(headers)}`,
        `${res.status} response`,
      );
    }
  });

  it('in no log line', () => {
    expect(c.logs.length).toBeGreaterThan(15);
    expect(c.logs.join('')).toContain('"url":"/api/auth/login"');
    without(c.logs.join('\n'), 'the log');
  });

  it('in no audit row', () => {
    const rows = JSON.stringify(c.db.prepare('SELECT * FROM audit_log').all());
    expect(rows).toContain('login_failed');
    without(rows, 'the audit trail');
  });

  it('nor in the session or throttle tables (ids and typed names are hashed)', () => {
    without(JSON.stringify(c.db.prepare('SELECT * FROM sessions').all()), 'the sessions table');
    without(
      JSON.stringify(c.db.prepare('SELECT * FROM login_attempts').all()),
      'the throttle table',
    );
  });
});
