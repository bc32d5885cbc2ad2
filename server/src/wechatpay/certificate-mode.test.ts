import { afterEach, describe, expect, it } from 'vitest';
import {
  clientOptions,
  itemsBody,
  PUB_KEY_ID,
  platform,
  platformSigner,
  steppedClock,
} from '../../test/support/client-harness';
import { type FakeReply, type Signer, startFakeUpstream } from '../../test/support/fake-upstream';
import {
  APIV3_KEY,
  certificatesBody,
  platformCertificate,
} from '../../test/support/platform-certificates';
import { createWechatPayClient } from './client';

const certA = platformCertificate('1A00000000000000000000000000000000000001');
const certB = platformCertificate('2B00000000000000000000000000000000000002');
const expired = platformCertificate(
  '3C00000000000000000000000000000000000003',
  new Date('2025-01-01'),
);
const query = { stockId: '9865000', stockCreatorMchid: '9865000', offset: 0, limit: 10 };

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

/** A fake upstream whose listing, listing signer and items signer the test can change. */
async function setup(options: { publicKey?: boolean; apiv3Key?: string } = {}) {
  const { clock, state } = steppedClock();
  const scene: { listing: FakeReply; itemsSigner: Signer } = {
    listing: { body: certificatesBody([certA]), signer: certA },
    itemsSigner: certA,
  };
  const upstream = await startFakeUpstream({
    signer: certA,
    now: clock.now,
    handler: (request) =>
      request.url === '/v3/certificates'
        ? scene.listing
        : { body: itemsBody(['1232001']), signer: scene.itemsSigner },
  });
  closers.push(upstream.close);
  const warnings: object[] = [];
  const logger = { warn: (obj: object) => warnings.push(obj), info: () => {} };
  const client = createWechatPayClient(
    clientOptions(upstream.url, {
      clock,
      logger,
      apiv3Key: options.apiv3Key ?? APIV3_KEY,
      publicKey: options.publicKey ? { id: PUB_KEY_ID, key: platform.publicKey } : undefined,
    }),
  );
  const downloads = () => upstream.requests.filter((r) => r.url === '/v3/certificates').length;
  return { upstream, client, scene, state, warnings, downloads };
}

describe('platform-certificate mode', () => {
  it('bootstraps from a listing signed by a certificate it contains, then verifies with it', async () => {
    const { upstream, client, downloads } = await setup();
    const results = await Promise.all([1, 2, 3].map(() => client.listAvailableItems(query)));
    for (const result of results) {
      expect(result).toMatchObject({ ok: true, attempts: 1, data: { data: ['1232001'] } });
    }
    expect(downloads()).toBe(1); // concurrent callers share one download
    const listingRequest = upstream.requests.find((r) => r.url === '/v3/certificates');
    expect(listingRequest?.headers.authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 /);
    expect(listingRequest?.headers['wechatpay-serial']).toBeUndefined();
    expect(client.platformSerials()).toEqual([certA.serial]);
    await client.listAvailableItems(query);
    expect(downloads()).toBe(1);
  });

  it('refreshes on an unknown serial (rotation), at most once a minute', async () => {
    const { client, scene, state, downloads } = await setup();
    await client.listAvailableItems(query);
    scene.listing = { body: certificatesBody([certA, certB]), signer: certA };
    scene.itemsSigner = certB;
    state.now += 61_000;
    expect(await client.listAvailableItems(query)).toMatchObject({ ok: true });
    expect(downloads()).toBe(2);
    expect(client.platformSerials()).toEqual([certA.serial, certB.serial]);

    const unknown = platformCertificate('4D00000000000000000000000000000000000004');
    scene.itemsSigner = unknown;
    state.now += 30_000;
    expect(await client.listAvailableItems(query)).toMatchObject({
      ok: false,
      error: { kind: 'unknown_serial' },
    });
    expect(await client.listAvailableItems(query)).toMatchObject({
      ok: false,
      error: { kind: 'unknown_serial' },
    });
    expect(downloads()).toBe(2);
    state.now += 31_000;
    scene.listing = { body: certificatesBody([certA, certB, unknown]), signer: certB };
    expect(await client.listAvailableItems(query)).toMatchObject({ ok: true });
    expect(downloads()).toBe(3);
  });

  it('refreshes again once the refresh interval (under 12 h) has passed', async () => {
    const { client, state, downloads } = await setup();
    await client.listAvailableItems(query);
    state.now += 5 * 60 * 60 * 1000;
    await client.listAvailableItems(query);
    expect(downloads()).toBe(1);
    state.now += 60 * 60 * 1000;
    await client.listAvailableItems(query);
    expect(downloads()).toBe(2);
  });

  it('refuses a listing signed by a key neither trusted nor contained in it', async () => {
    const { client, scene, warnings } = await setup();
    scene.listing = { body: certificatesBody([certA]), signer: certB };
    const result = await client.listAvailableItems(query);
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { kind: 'unknown_serial' } });
    expect(client.platformSerials()).toEqual([]);
    expect(warnings).toContainEqual(expect.objectContaining({ kind: 'unknown_serial' }));
  });

  it('refuses a listing sealed with another APIv3 key and never logs the key', async () => {
    const { client, warnings } = await setup({ apiv3Key: 'another-32-byte-apiv3-key-000000' });
    const result = await client.listAvailableItems(query);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknown_serial' } });
    expect(warnings).toContainEqual(expect.objectContaining({ kind: 'malformed_response' }));
    expect(JSON.stringify(warnings)).not.toContain('another-32-byte');
  });

  it('does not trust an expired certificate from the listing', async () => {
    const { client, scene } = await setup();
    scene.listing = { body: certificatesBody([certA, expired]), signer: certA };
    scene.itemsSigner = expired;
    const result = await client.listAvailableItems(query);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknown_serial' } });
    expect(client.platformSerials()).toEqual([certA.serial]);
  });

  it('reports a merchant without platform certificates (404) as unknown_serial', async () => {
    const { client, scene, warnings } = await setup();
    scene.listing = {
      status: 404,
      body: { code: 'RESOURCE_NOT_EXISTS', message: '无可用的平台证书' },
    };
    const result = await client.listAvailableItems(query);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknown_serial' } });
    expect(warnings).toContainEqual(expect.objectContaining({ kind: 'upstream_rejected' }));
  });
});

describe('both modes at once (migration)', () => {
  it('asks for public-key signatures, and still accepts certificate-signed responses', async () => {
    const { upstream, client, scene, downloads } = await setup({ publicKey: true });
    scene.itemsSigner = platformSigner;
    expect(await client.listAvailableItems(query)).toMatchObject({ ok: true });
    expect(upstream.requests[0]?.headers['wechatpay-serial']).toBe(PUB_KEY_ID);
    expect(downloads()).toBe(0);
    scene.itemsSigner = certA;
    expect(await client.listAvailableItems(query)).toMatchObject({ ok: true });
    expect(downloads()).toBe(1);
  });
});
