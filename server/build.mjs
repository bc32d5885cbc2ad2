// Builds the server's three entry points to JavaScript in dist/ (docs/decisions/007-server-build.md):
// the console, the sandbox CLI and the users CLI, each one ESM bundle of our own code for Node 20,
// with its source map. Packages stay external and load from node_modules as they are (native
// better-sqlite3, pino's worker files). Type checking is `tsc` (pnpm typecheck); esbuild only
// strips the types. Silent unless something is wrong.
import { build } from 'esbuild';

// dist/ is overwritten in place, never emptied first: the users CLI builds before it runs, on a
// machine where the console may be running from these same files.
await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  entryPoints: ['src/index.ts', 'src/sandbox/cli.ts', 'src/accounts/cli.ts'],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // SQL schemas are imported as text, as they are from source.
  loader: { '.sql': 'text' },
  sourcemap: true,
  logLevel: 'warning',
});
