// Installs the workspace with the pinned pnpm, on a machine that has only Node.js and npm.
// Used by `npm start` and `npm test`, so a newcomer and CI install exactly the same way.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// better-sqlite3 compiles from source here (no prebuilt binaries can be downloaded): point
// node-gyp at the headers of the Node.js running us instead of letting it fetch them.
const nodedir = path.resolve(process.execPath, '..', '..');
const env = { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? nodedir };

const result = spawnSync('npx', ['-y', 'pnpm@12.4.2', 'install', '--frozen-lockfile'], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
