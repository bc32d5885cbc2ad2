import { describe, expect, it } from 'vitest';
import { createPasswordHasher, DEFAULT_SCRYPT } from './passwords';

const hasher = createPasswordHasher({ N: 1024, r: 8, p: 1 });

describe('password hashing', () => {
  it('stores scrypt parameters, a per-user salt and the key, never the password', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(stored).not.toContain('correct');
    const again = await hasher.hash('correct horse battery');
    expect(again).not.toBe(stored);
  });

  it('verifies the right password only', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(await hasher.verify('correct horse batterY', stored)).toBe(false);
    expect(await hasher.verify('', stored)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, so costs can rise later', async () => {
    const stored = await hasher.hash('s3cret-passphrase');
    const stronger = createPasswordHasher({ N: 2048, r: 8, p: 2 });
    expect(await stronger.verify('s3cret-passphrase', stored)).toBe(true);
  });

  it('treats canonically equal Unicode passwords as equal (NFC)', async () => {
    const stored = await hasher.hash('caf\u00e9-password');
    expect(await hasher.verify('cafe\u0301-password', stored)).toBe(true);
  });

  it('answers false for a malformed stored value instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$0$8$1$abc$def', 'bcrypt$1$2$3$4$5']) {
      expect(await hasher.verify('x', bad)).toBe(false);
    }
  });

  it('spends a derivation on names that are no account, and says no', async () => {
    expect(await hasher.verifyNobody('anything')).toBe(false);
  });

  it('hashes at the default (OWASP) cost within the memory limit it sets', async () => {
    const strong = createPasswordHasher();
    const stored = await strong.hash('correct horse battery');
    const { N, r, p } = DEFAULT_SCRYPT;
    expect(stored.startsWith(`scrypt$${N}$${r}$${p}$`)).toBe(true);
    expect(await strong.verify('correct horse battery', stored)).toBe(true);
  });
});
