import { describe, expect, it } from 'vitest';
import { readVector } from '../support/sandbox-http';
import { collectLeakInputs, findLeaks, needlesOf } from './secret-scan';

const KEY = readVector('merchant-test-key.pem');
const PUBLIC = readVector('merchant-test-pub.pem');
const APIV3 = 'abcdefghijklmnopqrstuvwxyz012345';
const secrets = [
  { label: 'merchant key', value: KEY },
  { label: 'APIv3 key', value: APIV3 },
];
const leaksIn = (text: string) => findLeaks({ secrets, haystacks: [{ label: 'here', text }] });

describe('the leak check', () => {
  it('finds a key line however it was quoted', () => {
    const line = KEY.split('\n')[3] ?? '';
    expect(leaksIn(JSON.stringify({ err: `bad key ${line.slice(0, 64)}` }))).toEqual([
      { secret: 'merchant key', where: 'here' },
    ]);
    expect(leaksIn(JSON.stringify({ key: KEY })).map((leak) => leak.secret)).toContain(
      'merchant key',
    );
  });

  it('finds any PEM private key, and the APIv3 key raw or in base64', () => {
    expect(leaksIn('-----BEGIN RSA PRIVATE KEY-----')).toEqual([
      { secret: 'a PEM private key', where: 'here' },
    ]);
    expect(leaksIn(`apiv3=${APIV3}`)).toHaveLength(1);
    expect(leaksIn(Buffer.from(APIV3).toString('base64'))).toHaveLength(1);
  });

  it('does not flag public material or ordinary text', () => {
    expect(leaksIn(`${PUBLIC}\nRequest-ID 0A1B2C mchid 1900000109`)).toEqual([]);
    expect(needlesOf({ label: 'key', value: KEY }).every((n) => n.length >= 40)).toBe(true);
  });

  it('takes more secrets and places from extra sources (session ids, audit rows)', () => {
    const inputs = collectLeakInputs({ secrets, haystacks: [] }, [
      () => ({ secrets: [{ label: 'session id', value: 's3ss10n-1d-0123456789' }] }),
      () => ({ haystacks: [{ label: 'audit row 7', text: 'login ok s3ss10n-1d-0123456789' }] }),
    ]);
    expect(findLeaks(inputs)).toEqual([{ secret: 'session id', where: 'audit row 7' }]);
  });
});
