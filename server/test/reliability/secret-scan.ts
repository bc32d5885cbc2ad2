// Test-only: looks for secrets in text that left the console (answers, logs, files).
import { createPrivateKey } from 'node:crypto';

/** Something that must never appear outside its file. */
export interface Secret {
  label: string;
  value: string;
}

/** A place to search: one answer, one log line, one file. */
export interface Haystack {
  label: string;
  text: string;
}

export interface Leak {
  secret: string;
  where: string;
}

/**
 * What one leak check reads. This is the extension point for accounts and audit: password
 * hashes and session ids join `secrets`, audit rows join `haystacks` (see LeakSource).
 */
export interface LeakCheckInputs {
  secrets: Secret[];
  haystacks: Haystack[];
}

/** Adds secrets and/or places to search to a console's leak check; called at check time. */
export type LeakSource = () => Partial<LeakCheckInputs>;

const PEM_PRIVATE = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Any PEM private key at all, whoever's: nothing the console sends or writes should hold one. */
export const PEM_PRIVATE_KEY_MARKER: RegExp = PEM_PRIVATE;

/**
 * The distinctive pieces of a secret. A PEM key is searched line by line (a leak may be partial,
 * re-wrapped or JSON-escaped) and as its JWK private exponent; other values as they are and in
 * base64.
 */
export function needlesOf(secret: Secret): string[] {
  if (!PEM_PRIVATE.test(secret.value)) {
    return [secret.value, Buffer.from(secret.value).toString('base64')];
  }
  const lines = secret.value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= 40 && !line.startsWith('-----'));
  const jwk = createPrivateKey(secret.value).export({ format: 'jwk' });
  return typeof jwk.d === 'string' ? [...lines, jwk.d.slice(0, 64)] : lines;
}

/** Every (secret, place) pair where a piece of the secret shows up, plus any PEM private key. */
export function findLeaks({ secrets, haystacks }: LeakCheckInputs): Leak[] {
  const needles = secrets.flatMap((secret) =>
    needlesOf(secret)
      .filter((needle) => needle.length >= 8)
      .map((needle) => ({ label: secret.label, needle })),
  );
  const leaks: Leak[] = [];
  for (const { label: where, text } of haystacks) {
    if (PEM_PRIVATE.test(text)) leaks.push({ secret: 'a PEM private key', where });
    for (const { label, needle } of needles) {
      if (text.includes(needle)) leaks.push({ secret: label, where });
    }
  }
  return leaks;
}

/** Merges the base inputs with every extra source. */
export function collectLeakInputs(base: LeakCheckInputs, sources: LeakSource[]): LeakCheckInputs {
  const merged: LeakCheckInputs = { secrets: [...base.secrets], haystacks: [...base.haystacks] };
  for (const source of sources) {
    const extra = source();
    merged.secrets.push(...(extra.secrets ?? []));
    merged.haystacks.push(...(extra.haystacks ?? []));
  }
  return merged;
}
