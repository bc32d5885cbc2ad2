import { readKeyFiles, writeKeyFiles } from './key-files';
import { generatedSandboxKeys, type SandboxKeys } from './keys';

/** Keys from `dir` when it holds a set; otherwise the process's generated set (written to `dir`). */
export async function loadOrCreateKeys(dir: string | undefined): Promise<SandboxKeys> {
  const loaded = dir ? await readKeyFiles(dir) : undefined;
  if (loaded) return loaded;
  const generated = await generatedSandboxKeys();
  if (dir) await writeKeyFiles(dir, generated);
  return generated;
}
