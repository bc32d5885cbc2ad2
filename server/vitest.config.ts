import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // A bound for a test that hangs, not a measure of speed: the suites that start console
    // processes, Redis and PostgreSQL take several times their usual time on a busy 2-core
    // machine, and must still pass there.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
