import { describe, expect, it } from 'vitest';
import { PUB_KEY_ID, platform, steppedClock } from '../../test/support/client-harness';
import type { PlatformCertificate } from './certificates';
import type { WechatPayResult } from './errors';
import { createPlatformKeyStore } from './platform-keys';

const cert = (serialNo: string, validToMs: number): PlatformCertificate => ({
  serialNo,
  validFromMs: 0,
  validToMs,
  publicKey: platform.publicKey,
});

function storeWith(listing: () => PlatformCertificate[], start = 1_000_000) {
  const { clock, state } = steppedClock(start);
  let downloads = 0;
  let release: (() => void) | undefined;
  const gate = { hold: false };
  const download = async (): Promise<WechatPayResult<PlatformCertificate[]>> => {
    downloads += 1;
    if (gate.hold) await new Promise<void>((resolve) => (release = resolve));
    return { ok: true, data: listing(), attempts: 1 };
  };
  const store = createPlatformKeyStore({ clock, download, refreshIntervalMs: 60 * 60 * 1000 });
  return { store, state, gate, downloads: () => downloads, release: () => release?.() };
}

describe('platform key store', () => {
  it('public-key mode: trusts exactly its PUB_KEY_ID and never downloads', async () => {
    const { clock } = steppedClock();
    const store = createPlatformKeyStore({
      clock,
      publicKey: { id: PUB_KEY_ID, key: platform.publicKey },
    });
    expect(store.requestSerial).toBe(PUB_KEY_ID);
    expect(store.resolve(PUB_KEY_ID)).toBe(platform.publicKey);
    expect(store.resolve('PUB_KEY_ID_0100000000')).toBeUndefined();
    expect(await store.refreshForUnknownSerial('5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC')).toBe(
      false,
    );
  });

  it('certificate mode: refreshes for an unknown serial at most once a minute', async () => {
    let listing = [cert('AA', Number.MAX_SAFE_INTEGER)];
    const { store, state, downloads } = storeWith(() => listing);
    expect(await store.refreshForUnknownSerial('AA')).toBe(true);
    listing = [...listing, cert('BB', Number.MAX_SAFE_INTEGER)];
    state.now += 59_999;
    expect(await store.refreshForUnknownSerial('BB')).toBe(false);
    expect(downloads()).toBe(1);
    state.now += 1;
    expect(await store.refreshForUnknownSerial('bb')).toBe(true);
    expect(downloads()).toBe(2);
    expect(await store.refreshForUnknownSerial('PUB_KEY_ID_0100')).toBe(false);
    expect(downloads()).toBe(2);
  });

  it('stops trusting a certificate once it expires', async () => {
    const { store, state } = storeWith(() => [cert('AA', 2_000_000)]);
    await store.refreshIfDue('AA');
    expect(store.resolve('AA')).toBe(platform.publicKey);
    state.now = 2_000_000;
    expect(store.resolve('AA')).toBeUndefined();
    expect(store.serials()).toEqual([]);
  });

  it('shares one download between concurrent callers; an abort frees only its caller', async () => {
    const { store, gate, downloads, release } = storeWith(() => [
      cert('AA', Number.MAX_SAFE_INTEGER),
    ]);
    gate.hold = true;
    const controller = new AbortController();
    const aborted = store.refreshForUnknownSerial('AA', controller.signal);
    const patient = store.refreshForUnknownSerial('AA');
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    release();
    expect(await patient).toBe(true);
    expect(downloads()).toBe(1);
  });
});
