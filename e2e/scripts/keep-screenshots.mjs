// `npm run screenshots`, after tests/screenshot.spec.ts has taken the README's pictures into
// test-results/screenshots/ (git-ignored): copies them to screenshots/, which is committed.
import { copyFileSync, existsSync } from 'node:fs';

const TAKEN = new URL('../test-results/screenshots/', import.meta.url);
const KEPT = new URL('../screenshots/', import.meta.url);

for (const name of ['console.png', 'coverage.png']) {
  if (!existsSync(new URL(name, TAKEN))) {
    console.error(`test-results/screenshots/${name} is missing: did the screenshot journey run?`);
    process.exit(1);
  }
  copyFileSync(new URL(name, TAKEN), new URL(name, KEPT));
  console.log(`e2e/screenshots/${name} refreshed`);
}
