import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP Password Storage Cheat Sheet, scrypt: N=2^15, r=8, p=3 is one of its equivalent
 * minimum settings; it needs 32 MiB per hash instead of 128 MiB for N=2^17, p=1.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };

const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

export interface PasswordHasher {
  /** A new per-user salt and the derived key, as `scrypt$N$r$p$salt$key` (base64url). */
  hash(password: string): Promise<string>;
  /** Constant-time comparison; false (never a throw) for a malformed stored value. */
  verify(password: string, stored: string): Promise<boolean>;
  /** Spends what a verify costs and answers false: for names that are no account. */
  verifyNobody(password: string): Promise<false>;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // Node refuses parameters needing more than maxmem; allow what these parameters need.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 2 ** 20 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!N || !r || !p || ![N, r, p].every(Number.isSafeInteger)) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length === 0 || key.length !== KEY_LENGTH) return undefined;
  return { params: { N, r, p }, salt, key };
}

/** Password hashing with scrypt (node:crypto), per-user random salt, timingSafeEqual. */
export function createPasswordHasher(params: ScryptParams = DEFAULT_SCRYPT): PasswordHasher {
  async function hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await derive(password, salt, params);
    const { N, r, p } = params;
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async function verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.params);
    return timingSafeEqual(key, parsed.key);
  }

  let nobody: Promise<string> | undefined;

  return {
    hash,
    verify,
    async verifyNobody(password) {
      nobody ??= hash(randomBytes(24).toString('base64url'));
      await verify(password, await nobody);
      return false;
    },
  };
}
