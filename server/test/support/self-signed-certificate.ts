import { createSign, type KeyObject } from 'node:crypto';

// Test-only: a minimal DER writer for a self-signed X.509 v3 certificate, because node:crypto
// parses certificates but cannot create them, and platform-certificate mode needs real ones.

function der(tag: number, content: Buffer): Buffer {
  const length = content.length;
  const header =
    length < 0x80
      ? Buffer.from([tag, length])
      : length < 0x100
        ? Buffer.from([tag, 0x81, length])
        : Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
  return Buffer.concat([header, content]);
}

const sequence = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
const SHA256_WITH_RSA = sequence(
  Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]),
  Buffer.from([0x05, 0x00]),
);

function name(commonName: string): Buffer {
  const cn = sequence(
    Buffer.from([0x06, 0x03, 0x55, 0x04, 0x03]),
    der(0x0c, Buffer.from(commonName)),
  );
  return sequence(der(0x31, cn));
}

function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return der(0x17, Buffer.from(`${text}Z`));
}

export type SelfSignedOptions = {
  /** Upper-case hex; the first digit must be 1–7 so the DER integer stays positive. */
  serialHex: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  commonName?: string;
};

/** A PEM certificate for `publicKey`, signed by `privateKey` (RSA-SHA256). */
export function selfSignedCertificate(options: SelfSignedOptions): string {
  const { serialHex, publicKey, privateKey, notBefore, notAfter } = options;
  const subject = name(options.commonName ?? 'Wechatpay test platform');
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, Buffer.from(serialHex, 'hex')),
    SHA256_WITH_RSA,
    subject,
    sequence(utcTime(notBefore), utcTime(notAfter)),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = createSign('RSA-SHA256').update(tbs).sign(privateKey);
  const certificate = sequence(
    tbs,
    SHA256_WITH_RSA,
    der(0x03, Buffer.concat([Buffer.from([0]), signature])),
  );
  const lines = certificate.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
