import { readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

// Everything that is not a unit test: the suites organised by kind (client ↔ sandbox over real
// HTTP, reliability, scale-out) and the tests that start a redis-server, a PostgreSQL or a child
// process (the CLIs, the console's own process). `npm run test:unit` runs the `unit` project
// only; `npm test` runs both.
const INTEGRATION_TESTS = [
  'test/**/*.test.ts',
  'src/infra/redis/*.test.ts',
  'src/**/redis-*.test.ts',
  'src/**/postgres-*.test.ts',
  'src/**/*-postgres.test.ts',
  'src/**/cli.test.ts',
  'src/stocks/shared-scan-service.test.ts',
  // Runs the tally against a real PostgreSQL as well as SQLite.
  'src/audit/failed-sign-ins.test.ts',
];

export default defineConfig({
  plugins: [
    {
      // `import ddl from './x.sql'` gives the file's text, as the build's esbuild text loader does.
      name: 'sql-as-text',
      enforce: 'pre',
      load(id) {
        if (!id.endsWith('.sql')) return null;
        return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
      },
    },
  ],
  test: {
    // A bound for a test that hangs, not a measure of speed: the suites that start console
    // processes, Redis and PostgreSQL take several times their usual time on a busy 2-core
    // machine, and must still pass there.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          // One module graph per worker instead of one per file: a quarter of the CPU time.
          // Unit tests share no mocks and no global state (none uses vi.mock or process.env).
          isolate: false,
          exclude: [...configDefaults.exclude, ...INTEGRATION_TESTS],
        },
      },
      { extends: true, test: { name: 'integration', include: INTEGRATION_TESTS } },
    ],
  },
});
