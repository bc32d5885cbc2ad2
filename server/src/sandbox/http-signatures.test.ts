import { createDecipheriv, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manualClock } from '../../test/support/manual-clock';
import {
  call,
  itemsUrl,
  json,
  responseVerifies,
  startTestSandbox,
} from '../../test/support/sandbox-http';
import { type RunningSandbox, startSandbox } from './server';

let pk: RunningSandbox;
let cert: RunningSandbox;
beforeAll(async () => {
  [pk, cert] = await Promise.all([
    startTestSandbox(),
    startTestSandbox({ signing: 'certificate' }),
  ]);
});
afterAll(async () => {
  await Promise.all([pk.close(), cert.close()]);
});

const certificatesSchema = z.object({
  data: z.tuple([
    z.object({
      serial_no: z.string(),
      effective_time: z.string(),
      expire_time: z.string(),
      encrypt_certificate: z.object({
        algorithm: z.string(),
        nonce: z.string(),
        associated_data: z.string(),
        ciphertext: z.string(),
      }),
    }),
  ]),
});

const certificateKey = (s: RunningSandbox) =>
  new X509Certificate(s.credentials.platformCertificatePem).publicKey;

describe('response signatures', () => {
  it('public_key mode: signed with the 微信支付公钥 under its PUB_KEY_ID_', async () => {
    const result = await call(pk, itemsUrl('16000003'));
    expect(result.headers['wechatpay-serial']).toBe(pk.credentials.publicKeyId);
    expect(pk.credentials.publicKeyId).toMatch(/^PUB_KEY_ID_\d+$/);
    expect(result.headers['wechatpay-signature-type']).toBe('WECHATPAY2-SHA256-RSA2048');
    expect(result.headers['wechatpay-nonce']).toMatch(/^[0-9A-F]{32}$/);
    expect(responseVerifies(result, pk.credentials.platformPublicKeyPem)).toBe(true);
    expect(responseVerifies(result, certificateKey(pk))).toBe(false);
  });

  it('certificate mode: signed with the platform certificate key under its serial', async () => {
    const result = await call(cert, itemsUrl('16000003'));
    expect(result.headers['wechatpay-serial']).toBe(cert.credentials.platformSerialNo);
    expect(responseVerifies(result, certificateKey(cert))).toBe(true);
    expect(responseVerifies(result, cert.credentials.platformPublicKeyPem)).toBe(false);
  });

  it('certificate mode still signs with the public key when the request asks for PUB_KEY_ID_', async () => {
    const headers = { 'Wechatpay-Serial': cert.credentials.publicKeyId };
    const result = await call(cert, itemsUrl('16000003'), { headers });
    expect(result.headers['wechatpay-serial']).toBe(cert.credentials.publicKeyId);
    expect(responseVerifies(result, cert.credentials.platformPublicKeyPem)).toBe(true);
  });

  it('signs error answers too, and stamps them with the sandbox clock', async () => {
    const clock = manualClock(Date.parse('2030-01-01T00:00:00Z'));
    const frozen = await startTestSandbox({ clock });
    try {
      const result = await call(frozen, itemsUrl('404404'), { nowMs: clock.now() });
      expect(result.status).toBe(404);
      expect(result.headers['wechatpay-timestamp']).toBe(String(clock.now() / 1000));
      expect(responseVerifies(result, frozen.credentials.platformPublicKeyPem)).toBe(true);
    } finally {
      await frozen.close();
    }
  });
});

describe('GET /v3/certificates', () => {
  it('serves the platform certificate encrypted with the APIv3 key, in both modes', async () => {
    for (const sandbox of [pk, cert]) {
      const result = await call(sandbox, '/v3/certificates');
      expect(result.status).toBe(200);
      const { data } = certificatesSchema.parse(json(result));
      const [{ serial_no, effective_time, expire_time, encrypt_certificate: enc }] = data;
      expect(serial_no).toBe(sandbox.credentials.platformSerialNo);
      expect(serial_no).toMatch(/^[0-9A-F]{40}$/);
      expect(effective_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      expect(enc).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'certificate' });
      expect(enc.nonce).toHaveLength(12);
      const bytes = Buffer.from(enc.ciphertext, 'base64');
      const decipher = createDecipheriv(
        'aes-256-gcm',
        Buffer.from(sandbox.credentials.apiv3Key),
        Buffer.from(enc.nonce),
      );
      decipher.setAAD(Buffer.from(enc.associated_data));
      decipher.setAuthTag(bytes.subarray(-16));
      const pem = Buffer.concat([
        decipher.update(bytes.subarray(0, -16)),
        decipher.final(),
      ]).toString('utf8');
      expect(pem).toBe(sandbox.credentials.platformCertificatePem);
      const x509 = new X509Certificate(pem);
      expect(x509.serialNumber.toUpperCase()).toBe(serial_no);
      const day = 86_400_000;
      expect(Date.parse(x509.validFrom)).toBeLessThan(Date.now() - day + 60_000);
      expect(Date.parse(x509.validTo)).toBeGreaterThan(Date.now() + 4 * 365 * day);
      expect(Date.parse(expire_time)).toBe(Date.parse(x509.validTo));
    }
  });

  it('can be verified with the certificate it contains (bootstrap) in certificate mode', async () => {
    const result = await call(cert, '/v3/certificates');
    expect(responseVerifies(result, certificateKey(cert))).toBe(true);
  });
});

describe('keys', () => {
  it('are RSA-2048 with serials of 40 upper-case hex digits and a 32-byte APIv3 key', () => {
    const c = pk.credentials;
    expect(c.mchid).toBe('1900000109');
    expect(c.merchantSerialNo).toMatch(/^[0-9A-F]{40}$/);
    expect(createPublicKey(c.platformPublicKeyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(Buffer.byteLength(c.apiv3Key)).toBe(32);
  });

  it('are written to keysDir (secrets 0600) and loaded from it on the next start', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'sandbox-keys-')), 'keys');
    const first = await startSandbox({ latencyMs: [0, 0], keysDir: dir });
    await first.close();
    const files = await readdir(dir);
    expect(files).toContain('apiclient_key.pem');
    for (const secret of [
      'apiclient_key.pem',
      'sandbox_pub_key_private.pem',
      'sandbox_platform_private_key.pem',
      'apiv3_key.txt',
    ]) {
      expect((await stat(join(dir, secret))).mode & 0o777).toBe(0o600);
    }
    expect(await readFile(join(dir, 'apiclient_key.pem'), 'utf8')).toBe(
      first.credentials.merchantPrivateKeyPem,
    );
    const second = await startSandbox({ latencyMs: [0, 0], keysDir: dir });
    try {
      expect(second.credentials).toEqual(first.credentials);
      expect((await call(second, itemsUrl('16000002'))).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
