import { type KeyObject, sign } from 'node:crypto';
import {
  bitString,
  boolean,
  explicit,
  nullValue,
  objectIdentifier,
  octetString,
  printableString,
  sequence,
  set,
  time,
  unsignedInteger,
  utf8String,
} from './der';

const OID = {
  sha256WithRsa: '1.2.840.113549.1.1.11',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
};

export interface PlatformCertificateSpec {
  /** 40 upper-case hex digits, as WeChat Pay platform certificate serials are. */
  serialNo: string;
  notBefore: Date;
  notAfter: Date;
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const attribute = (oid: string, value: Buffer): Buffer =>
  set(sequence(objectIdentifier(oid), value));

/** Shaped like the real platform certificates' subject (Tenpay.com), marked as a sandbox. */
const NAME = sequence(
  attribute(OID.country, printableString('CN')),
  attribute(OID.organization, utf8String('Tenpay.com')),
  attribute(OID.organizationalUnit, utf8String('WeChat Pay Sandbox')),
  attribute(OID.commonName, utf8String('Tenpay.com Sandbox Platform Certificate')),
);

/** Not a CA; digitalSignature + nonRepudiation + keyEncipherment like the real ones. */
const EXTENSIONS = explicit(
  3,
  sequence(
    sequence(objectIdentifier(OID.basicConstraints), octetString(sequence())),
    sequence(
      objectIdentifier(OID.keyUsage),
      boolean(true),
      octetString(bitString(Buffer.from([0xe0]), 5)),
    ),
  ),
);

/** A self-signed X.509 v3 certificate (RFC 5280) signed with SHA256withRSA, as PEM. */
export function createPlatformCertificate(spec: PlatformCertificateSpec): string {
  if (!/^[0-9A-F]{40}$/.test(spec.serialNo)) throw new RangeError('serial must be 40 hex digits');
  const algorithm = sequence(objectIdentifier(OID.sha256WithRsa), nullValue());
  const spki = spec.publicKey.export({ type: 'spki', format: 'der' });
  const tbs = sequence(
    explicit(0, unsignedInteger(Buffer.from([2]))),
    unsignedInteger(Buffer.from(spec.serialNo, 'hex')),
    algorithm,
    NAME,
    sequence(time(spec.notBefore), time(spec.notAfter)),
    NAME,
    spki,
    EXTENSIONS,
  );
  const signature = sign('sha256', tbs, spec.privateKey);
  const der = sequence(tbs, algorithm, bitString(signature));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
