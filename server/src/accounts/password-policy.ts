import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { PASSWORD_RULES, type PasswordRule } from '../contract/auth';
import { apiError } from '../http/api-error';

// Common passwords, names and keyboard walks; no language dictionary, so a phrase of words
// in any language is judged by its length and variety. Loaded on first use (over a second on a
// busy machine): the CLI's list, disable and enable never need it.
let estimator: Promise<ZxcvbnFactory> | undefined;
const loadEstimator = async () => {
  const [{ ZxcvbnFactory }, { adjacencyGraphs, dictionary }] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
  ]);
  return new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
};

/** zxcvbn's "safely unguessable" from 3 on: at least 10^8 guesses to find it. */
const MIN_SCORE = 3;
// A two-letter name inside a long password is coincidence, not a hint.
const MIN_NAME_TO_SEARCH = 3;

/**
 * OWASP ASVS 2.1 (NIST 800-63B 5.1.1.2): a new password is refused when it is common or easily
 * guessed, or is or contains the username. The length rule (12..200) is the contract's schema.
 */
export async function passwordRefusal(
  password: string,
  username: string,
): Promise<PasswordRule | null> {
  const lower = password.toLowerCase();
  const name = username.toLowerCase();
  if (lower === name || (name.length >= MIN_NAME_TO_SEARCH && lower.includes(name))) {
    return 'username';
  }
  estimator ??= loadEstimator();
  return (await estimator).check(password, [name]).score < MIN_SCORE ? 'common' : null;
}

/** Throws 400 PASSWORD_REFUSED naming the rule (never the password) when the policy refuses. */
export async function assertPasswordAllowed(password: string, username: string): Promise<void> {
  const rule = await passwordRefusal(password, username);
  if (!rule) return;
  throw apiError('PASSWORD_REFUSED', `password: ${PASSWORD_RULES[rule]}`, {
    field: 'password',
    rule: PASSWORD_RULES[rule],
    value: null,
  });
}
