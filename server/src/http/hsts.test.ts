import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createLogger } from './logger';

// Probe: HSTS went out over plain HTTP too, telling nothing useful to browsers and claiming
// HTTPS for a console reached by address on a LAN.
describe('HSTS', () => {
  const app = createApp({
    mode: 'sandbox',
    version: 'test',
    logger: createLogger('silent'),
    trustProxy: 'loopback',
  });

  it('is sent over HTTPS (here: a trusted proxy says so)', async () => {
    const res = await request(app).get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('is not sent over plain HTTP, nor when an untrusted client claims HTTPS', async () => {
    expect(
      (await request(app).get('/api/health')).headers['strict-transport-security'],
    ).toBeUndefined();
    const untrusted = createApp({
      mode: 'sandbox',
      version: 'test',
      logger: createLogger('silent'),
    });
    const res = await request(untrusted).get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
