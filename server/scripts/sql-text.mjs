// Node module hooks: `import ddl from './schema.sqlite.sql'` gives the file's text, as the
// build's text loader and the tests' Vite plugin do. Registered by register-sql.mjs.
import { readFile } from 'node:fs/promises';

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.sql')) return nextLoad(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return {
    format: 'module',
    shortCircuit: true,
    source: `export default ${JSON.stringify(text)};`,
  };
}
