// Probe: a link on another site (`<a href="https://console/api/stocks/…/codes.csv">`, or an
// image tag at …/items) ran an audited export or a WeChat Pay lookup as whoever was signed in:
// the SameSite=Lax cookie rides along on top-level GETs and nothing else looked at who started it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error';
import {
  PASSWORDS,
  type Session,
  startTestConsole,
  type TestConsole,
} from '../support/test-console';

const Q = 'stock_creator_mchid=1900000109';

describe('cross-site requests', () => {
  let c: TestConsole;
  let admin: Session;
  beforeAll(async () => {
    c = await startTestConsole({ stocks: true });
    admin = await c.signIn('admin');
  });
  afterAll(() => c.close());

  const get = (path: string, site?: string) => {
    const req = c.http().get(path).set('Cookie', admin.cookie);
    return site ? req.set('Sec-Fetch-Site', site) : req;
  };
  const upstreamCalls = () => c.harness?.sandbox.stats.calls() ?? 0;

  it('sets the session cookie SameSite=Strict', async () => {
    const res = await c.login('operator', PASSWORDS.operator);
    expect(String(res.headers['set-cookie']?.[0])).toContain('SameSite=Strict');
  });

  it.each(['cross-site', 'same-site'])(
    'refuses a %s lookup and export before WeChat Pay is asked, and audits the refusal',
    async (site) => {
      const before = upstreamCalls();
      for (const path of [
        `/api/stocks/16000003/items?${Q}`,
        `/api/stocks/16000003/codes.csv?${Q}`,
      ]) {
        const res = await get(path, site);
        expect(res.status, path).toBe(403);
        expect(apiErrorBodySchema.parse(res.body).error).toMatchObject({
          code: 'CROSS_SITE_REFUSED',
          explanation: 'api.cross_site_refused',
        });
      }
      expect(upstreamCalls()).toBe(before);
      const rows = c.db
        .prepare(`SELECT action, outcome FROM audit_log WHERE action = 'export' ORDER BY id DESC`)
        .all();
      expect(rows[0]).toMatchObject({ action: 'export', outcome: 'CROSS_SITE_REFUSED' });
    },
  );

  it('answers the console’s own pages, the address bar and scripts without Fetch Metadata', async () => {
    for (const site of ['same-origin', 'none', undefined]) {
      const res = await get(`/api/stocks/16000003/items?${Q}`, site);
      expect(res.status, String(site)).toBe(200);
    }
  });
});
