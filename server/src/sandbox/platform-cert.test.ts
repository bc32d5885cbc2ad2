import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { objectIdentifier, time, tlv, unsignedInteger } from './der';
import { createPlatformCertificate } from './platform-cert';

describe('DER pieces', () => {
  it('encodes sha256WithRSAEncryption as its well-known bytes', () => {
    expect(objectIdentifier('1.2.840.113549.1.1.11').toString('hex')).toBe(
      '06092a864886f70d01010b',
    );
  });

  it('uses long-form lengths above 127 bytes', () => {
    expect(tlv(0x04, Buffer.alloc(200)).subarray(0, 3).toString('hex')).toBe('0481c8');
    expect(tlv(0x04, Buffer.alloc(300)).subarray(0, 4).toString('hex')).toBe('0482012c');
  });

  it('keeps INTEGERs positive and minimal', () => {
    expect(unsignedInteger(Buffer.from([0x80])).toString('hex')).toBe('02020080');
    expect(unsignedInteger(Buffer.from([0, 0, 0x7f])).toString('hex')).toBe('02017f');
  });

  it('switches from UTCTime to GeneralizedTime in 2050', () => {
    expect(time(new Date('2049-12-31T23:59:59Z')).toString('latin1')).toBe('\x17\x0d491231235959Z');
    expect(time(new Date('2050-01-01T00:00:00Z')).toString('latin1')).toBe(
      '\x18\x0f20500101000000Z',
    );
  });
});

describe('createPlatformCertificate', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const notBefore = new Date('2025-01-01T00:00:00Z');
  const notAfter = new Date('2030-01-01T00:00:00Z');
  const serialNo = '7F1B5E0C5A0B8D2E9F4A6C3B2D1E0F9A8B7C6D5E';
  const pem = createPlatformCertificate({ serialNo, notBefore, notAfter, publicKey, privateKey });
  const certificate = new X509Certificate(pem);

  it('is parsed by OpenSSL with the serial, validity and key it was given', () => {
    expect(certificate.serialNumber.toUpperCase()).toBe(serialNo);
    expect(new Date(certificate.validFrom).getTime()).toBe(notBefore.getTime());
    expect(new Date(certificate.validTo).getTime()).toBe(notAfter.getTime());
    expect(certificate.publicKey.equals(publicKey)).toBe(true);
    expect(certificate.subject).toContain('O=Tenpay.com');
    expect(certificate.ca).toBe(false);
  });

  it('is self-signed: it verifies with its own key and not with another', () => {
    expect(certificate.verify(publicKey)).toBe(true);
    expect(certificate.issuer).toBe(certificate.subject);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(certificate.verify(other)).toBe(false);
  });

  it('rejects a serial that is not 40 upper-case hex digits', () => {
    expect(() =>
      createPlatformCertificate({ serialNo: 'abc', notBefore, notAfter, publicKey, privateKey }),
    ).toThrow(RangeError);
  });
});
