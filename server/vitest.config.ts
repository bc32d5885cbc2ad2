import { configDefaults, defineConfig } from 'vitest/config';

// Everything that is not a unit test: the suites organised by kind (client ↔ sandbox over real
// HTTP, reliability, scale-out) and the tests that start a redis-server, a PostgreSQL or a child
// process (the CLIs, the console's own process). `npm run test:unit` runs the `unit` project
// only; `npm test` runs both.
const INTEGRATION_TESTS = [
  'src/integration/**/*.test.ts',
  'src/reliability/**/*.test.ts',
  'src/scale/**/*.test.ts',
  'src/**/redis-*.test.ts',
  'src/**/postgres-*.test.ts',
  'src/**/*-postgres.test.ts',
  'src/**/cli.test.ts',
  'src/stocks/shared-scan-service.test.ts',
  'test/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
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
