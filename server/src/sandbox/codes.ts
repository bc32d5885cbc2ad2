import { createPrng, type Prng } from './prng';

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `${DIGITS}${UPPER}abcdefghijklmnopqrstuvwxyz`;

export const MIN_CODE_LENGTH = 1;
export const MAX_CODE_LENGTH = 128;

export interface CodeSetSpec {
  seed: number;
  count: number;
  /** Put one code of every length 1..128 somewhere in the set (the edge cases of the contract). */
  everyLength?: boolean;
}

function randomString(prng: Prng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[prng.int(0, alphabet.length - 1)];
  return out;
}

/** Typical lengths look like real product codes: SKUs of 6-16 chars, EAN-13 barcodes. */
function typicalLength(prng: Prng): number {
  const roll = prng.next();
  if (roll < 0.4) return 13;
  if (roll < 0.9) return prng.int(6, 16);
  return prng.int(17, 40);
}

/** Digits (barcodes), upper-case SKUs with dashes, or mixed case; never starting with a dash. */
function makeCode(prng: Prng, length: number): string {
  const style = prng.next();
  const head = randomString(prng, style < 0.5 ? DIGITS : UPPER, 1);
  if (length === 1) return head;
  if (style < 0.5) return head + randomString(prng, DIGITS, length - 1);
  const tailAlphabet = style < 0.85 ? `${UPPER}${DIGITS}-` : `${ALNUM}-`;
  return head + randomString(prng, tailAlphabet, length - 1);
}

/**
 * The product codes of one stock: unique even ignoring case (the contract does not say codes are
 * case-sensitive, so a sandbox that relied on case would hide a client bug), in a stable order.
 */
export function generateCodes(spec: CodeSetSpec): string[] {
  const prng = createPrng(spec.seed);
  const lengths: number[] = [];
  if (spec.everyLength) {
    for (let n = MIN_CODE_LENGTH; n <= MAX_CODE_LENGTH; n += 1) lengths.push(n);
  }
  while (lengths.length < spec.count) lengths.push(typicalLength(prng));
  prng.shuffle(lengths);
  const seen = new Set<string>();
  return lengths.slice(0, spec.count).map((length) => {
    for (;;) {
      const code = makeCode(prng, length);
      const key = code.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        return code;
      }
    }
  });
}
