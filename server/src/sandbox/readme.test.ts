import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoStocks } from './demo-stocks';
import { errorScenarios } from './error-scenarios';
import { FAULT_KINDS } from './fault-kinds';
import { faultScenarios } from './fault-scenarios';

// Table cells are compared with their padding collapsed (the formatter aligns columns).
const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8').replace(/ {2,}/g, ' ');

describe('README', () => {
  it('lists every demo stock and scenario id, and documents every fault kind', () => {
    for (const { id } of [...demoStocks, ...errorScenarios, ...faultScenarios]) {
      expect(readme).toContain(`| \`${id}\` |`);
    }
    for (const kind of FAULT_KINDS) expect(readme).toContain(`| \`${kind}\` |`);
  });

  it('gives each error scenario its exact row', () => {
    for (const { id, row } of errorScenarios) {
      expect(readme).toContain(`| \`${id}\` | ${row.status} | ${row.code} | ${row.message} |`);
    }
  });
});
