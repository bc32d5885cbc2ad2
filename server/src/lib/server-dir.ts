import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `start` that holds a package.json. */
export function packageDirOf(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json at or above ${start}`);
    dir = parent;
  }
  return dir;
}

/**
 * The server package's folder. Found by walking up, not by a fixed `../..`: this module runs
 * from its own file under `src/` (tsx, tests) and from inside a bundle under `dist/` (node),
 * at different depths.
 */
export const SERVER_DIR = packageDirOf(path.dirname(fileURLToPath(import.meta.url)));
