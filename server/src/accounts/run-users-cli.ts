// Test-only: runs the users CLI as `pnpm --filter server users …` does, in a child process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../../', import.meta.url));
const tsx = path.join(serverDir, 'node_modules/.bin/tsx');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

export function runUsersCli(env: NodeJS.ProcessEnv, args: string[], stdin = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['src/accounts/cli.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}
