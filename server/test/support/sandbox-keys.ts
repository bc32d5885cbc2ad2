// Test-only: one key set shared by every test file (each runs in its own worker, and RSA key
// generation costs about a second here). The first worker to take the lock generates and writes
// it; the others wait for sandbox.json, which is renamed into place last.
import { access, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { KEY_FILES } from '../../src/sandbox/key-files';
import { loadOrCreateKeys } from '../../src/sandbox/key-store';

const DIR = join(tmpdir(), `wechatpay-sandbox-test-keys-${process.getuid?.() ?? 0}`);

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The shared keys directory, or undefined (generate per process) if it never appears. */
export async function sharedTestKeysDir(): Promise<string | undefined> {
  const lockTaken = await mkdir(`${DIR}.lock`).then(
    () => true,
    () => false,
  );
  if (lockTaken) {
    await loadOrCreateKeys(DIR);
    return DIR;
  }
  for (let i = 0; i < 200; i += 1) {
    if (await exists(join(DIR, KEY_FILES.meta))) return DIR;
    await sleep(50);
  }
  // A run that died while generating left its lock behind: free it for the next run.
  await rm(`${DIR}.lock`, { recursive: true, force: true });
  return undefined;
}
