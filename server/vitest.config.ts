import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

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
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
