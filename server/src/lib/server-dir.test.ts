import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageDirOf, SERVER_DIR } from './server-dir';

describe('the server package folder', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ccc-server-dir-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is the folder of the server package.json', () => {
    const pkg: unknown = JSON.parse(readFileSync(path.join(SERVER_DIR, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'server' });
  });

  it('is found from a module one or three folders deep alike (dist/ and src/…/…)', () => {
    writeFileSync(path.join(root, 'package.json'), '{}');
    const deep = path.join(root, 'src', 'a', 'b');
    mkdirSync(deep, { recursive: true });
    expect(packageDirOf(deep)).toBe(root);
    expect(packageDirOf(path.join(root, 'dist'))).toBe(root);
  });
});
