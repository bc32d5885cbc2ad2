// Probe: event streams outlive neither their session nor a per-session cap. Before, a stream
// opened before sign-out (or a user's disable, or the session's expiry) kept sending scan
// progress, and one session could hold any number of connections open.
import { type IncomingMessage, request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error';
import { gateFrom } from '../support/stocks-harness';
import { type Session, startTestConsole, type TestConsole } from '../support/test-console';

const CREATOR = '1900000109';
const EVENTS = `/api/stocks/16000004/scans/latest/events?stock_creator_mchid=${CREATOR}`;

interface OpenStream {
  status: number;
  /** Resolves once the server has ended the stream. */
  ended: Promise<void>;
  body(): string;
  close(): void;
}

function openStream(c: TestConsole, session: Session): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = request(`${c.url}${EVENTS}`, { headers: { cookie: session.cookie } });
    req.on('response', (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      resolve({ status: res.statusCode ?? 0, ended, body: () => text, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([
    promise.then(() => 'ended' as const),
    new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms)),
  ]);

describe('event streams end with their session', () => {
  const gate = gateFrom(1);
  let c: TestConsole;
  const open: OpenStream[] = [];
  const stream = async (session: Session) => {
    const s = await openStream(c, session);
    open.push(s);
    return s;
  };
  beforeAll(async () => {
    c = await startTestConsole({
      stocks: true,
      harness: { wrapClient: gate.wrap },
      streamCheckMs: 20,
    });
    // A walk held at its second page: the scan stays running, so its streams stay open.
    const admin = await c.signIn('admin');
    const start = await c.as(admin, 'post', '/api/stocks/16000004/scans').send({
      stock_creator_mchid: CREATOR,
    });
    expect(start.status).toBe(202);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(async () => {
    gate.release();
    await c.close();
  });

  it('ends at sign-out', async () => {
    const session = await c.signIn('operator');
    const s = await stream(session);
    expect(s.status).toBe(200);
    expect(await within(300, s.ended)).toBe('still open');
    expect((await c.as(session, 'post', '/api/auth/logout')).status).toBe(204);
    expect(await within(2_000, s.ended)).toBe('ended');
  });

  it('ends when an administrator disables the user, on every session of theirs', async () => {
    const admin = await c.signIn('admin');
    const support = [await c.signIn('support'), await c.signIn('support')];
    const streams = [await stream(support[0] as Session), await stream(support[1] as Session)];
    const res = await c.as(admin, 'post', '/api/admin/users/support/disable');
    expect(res.status).toBe(200);
    for (const s of streams) expect(await within(2_000, s.ended)).toBe('ended');
    expect((await c.as(admin, 'post', '/api/admin/users/support/enable')).status).toBe(200);
  });

  it('ends when the session expires, without any other request', async () => {
    const session = await c.signIn('operator');
    const s = await stream(session);
    expect(await within(100, s.ended)).toBe('still open');
    c.clock.advance(31 * 60_000); // past the 30-minute idle timeout
    expect(await within(2_000, s.ended)).toBe('ended');
  });

  it('lets one session hold 4 streams; the fifth answers 429 TOO_MANY_STREAMS', async () => {
    const session = await c.signIn('operator');
    for (let i = 0; i < 4; i++) expect((await stream(session)).status).toBe(200);
    const fifth = await c.as(session, 'get', EVENTS);
    expect(fifth.status).toBe(429);
    expect(apiErrorBodySchema.parse(fifth.body).error).toMatchObject({
      code: 'TOO_MANY_STREAMS',
      explanation: 'api.too_many_streams',
      retryable: true,
    });
    // Another session of the same person has its own allowance; a closed stream frees a place.
    expect((await stream(await c.signIn('operator'))).status).toBe(200);
    open[0]?.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await stream(session)).status).toBe(200);
  });
});
