import { randomBytes } from 'node:crypto';

let counter = 0;

/**
 * A Request-ID shaped like WeChat Pay's (`08CFCBF1…E905-269546525`): 44 random hex digits, a
 * dash and a per-process counter, so ids never repeat within a process.
 */
export function nextRequestId(): string {
  counter += 1;
  return `${randomBytes(22).toString('hex').toUpperCase()}-${100_000_000 + counter}`;
}
