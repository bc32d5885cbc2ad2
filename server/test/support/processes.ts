import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
// `node --import tsx`, not the tsx command: that runs the entry in a second process, which a
// SIGKILL of the first would leave running (a "killed" replica that goes on serving).
// register-sql.mjs: the schema is imported from .sql files, which tsx alone cannot load.
const NODE_ARGS = ['--import', 'tsx', '--import', './scripts/register-sql.mjs'];

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Runs one of the server package's entry points with tsx, as `pnpm --filter server …` does. */
export function runEntry(entry: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...NODE_ARGS, entry, ...args], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Runs an entry to completion with `stdin` piped in; resolves with its exit code, its stdout
 * (`out`), its stderr (`err`) and both as they came (`output`, for failure messages).
 */
export function runToEnd(entry: string, args: string[], env: NodeJS.ProcessEnv, stdin = '') {
  return new Promise<{ code: number | null; out: string; err: string; output: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [...NODE_ARGS, entry, ...args], {
        cwd: SERVER_DIR,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let [out, err, output] = ['', '', ''];
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
        output += chunk;
      });
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk;
        output += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out, err, output }));
      child.stdin.end(stdin);
    },
  );
}

/** Signs in through the console's API and returns the session cookie for later requests. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  return cookie;
}

/** Collects `NAME=value` lines from a child's stdout until `lastName` appears. */
export async function readEnvLines(
  child: ChildProcess,
  lastName: string,
): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  if (!child.stdout) throw new Error('child has no stdout');
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) found[match[1]] = match[2];
    if (match?.[1] === lastName) return found;
  }
  throw new Error(`the process ended before printing ${lastName}`);
}

/** Polls a URL until it answers 2xx, or fails after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface ConsoleProcess {
  child: ChildProcess;
  port: number;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Everything it has written to stdout and stderr so far. */
  output(): string;
}

/**
 * The console's real entry on a free loopback port, with `env` on top, once /api/health answers.
 * A console that never answers is stopped, and the error carries what it printed.
 */
export async function startConsoleProcess(env: NodeJS.ProcessEnv): Promise<ConsoleProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = runEntry('src/index.ts', [], { HOST: '127.0.0.1', PORT: String(port), ...env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    await waitForOk(`${base}/api/health`, 30_000);
  } catch (error) {
    await stop(child);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`);
  }
  return { child, port, base, exited, output: () => output };
}

/** Stops a child and waits for it to exit. */
export async function stop(child: ChildProcess | undefined): Promise<void> {
  // A child killed by a signal has no exit code, only the signal.
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
