import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { healthResponseSchema } from '../contract/health';
import type { DependencyCheck } from './health-route';
import { createLogger } from './logger';

const appWith = (dependencies: DependencyCheck[]) =>
  createApp({ mode: 'live', version: '1', logger: createLogger('silent'), dependencies });

const up: DependencyCheck = { name: 'redis', check: async () => true };
const down: DependencyCheck = { name: 'postgres', check: async () => false };

describe('health with shared stores', () => {
  it('is ok and lists each store as up while they answer', async () => {
    const res = await request(appWith([up, { ...down, check: async () => true }])).get(
      '/api/health',
    );
    expect(healthResponseSchema.parse(res.body)).toEqual({
      status: 'ok',
      mode: 'live',
      version: '1',
      dependencies: [
        { name: 'redis', status: 'up' },
        { name: 'postgres', status: 'up' },
      ],
    });
  });

  it('says degraded, still answering 200, and names the store that is down', async () => {
    const res = await request(appWith([up, down]))
      .get('/api/health')
      .expect(200);
    expect(res.body.status).toBe('degraded');
    expect(res.body.dependencies).toContainEqual({ name: 'postgres', status: 'down' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers within about a second when a store hangs, counting it as down', async () => {
    const hangs: DependencyCheck = { name: 'redis', check: () => new Promise(() => {}) };
    const started = Date.now();
    const res = await request(appWith([hangs]))
      .get('/api/health')
      .expect(200);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(res.body.dependencies).toEqual([{ name: 'redis', status: 'down' }]);
  });

  it('counts a check that throws as down rather than failing the probe', async () => {
    const throws: DependencyCheck = {
      name: 'redis',
      check: async () => {
        throw new Error('connection refused');
      },
    };
    const res = await request(appWith([throws]))
      .get('/api/health')
      .expect(200);
    expect(res.body.status).toBe('degraded');
  });

  it('has no dependencies field when no shared store is configured', async () => {
    const res = await request(appWith([])).get('/api/health');
    expect(res.body).toEqual({ status: 'ok', mode: 'live', version: '1' });
  });
});
