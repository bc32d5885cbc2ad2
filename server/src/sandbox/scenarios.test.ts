import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoStocks } from './demo-stocks';
import { errorScenarios } from './error-scenarios';
import { FAULT_KINDS } from './fault-kinds';
import { faultScenarios } from './fault-scenarios';

/** The error table as the shared contract document lists it (blank status = the row above's). */
function documentedRows(): Array<{ status: number; code: string; message: string }> {
  const doc = readFileSync(
    new URL('../../test/vectors/wechatpay-favor-stock-items.md', import.meta.url),
    'utf8',
  );
  const table = doc.slice(doc.indexOf('## Error codes'));
  const rows: Array<{ status: number; code: string; message: string }> = [];
  let status = 0;
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^[A-Z_]+$/.test(cells[2] ?? '')) continue;
    if (cells[1]) status = Number(cells[1]);
    rows.push({ status, code: cells[2] ?? '', message: cells[3] ?? '' });
  }
  return rows;
}

describe('scenario ids', () => {
  it('cover every row of the documented error table, in order', () => {
    const rows = documentedRows();
    expect(rows).toHaveLength(23);
    expect(errorScenarios.map((s) => s.row)).toEqual(rows);
  });

  it('cover every fault kind', () => {
    expect(new Set(faultScenarios.map((s) => s.fault))).toEqual(new Set(FAULT_KINDS));
  });

  it('are valid, unique stock ids that collide with no demo stock', () => {
    const ids = [...errorScenarios, ...faultScenarios].map((s) => s.id);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,20}$/);
    const all = [...ids, ...demoStocks.map((s) => s.id)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('include a burst that limits every other call', () => {
    const burst = faultScenarios.find((s) => s.every === 2);
    expect(burst).toMatchObject({
      fault: 'rate_limit',
      row: { status: 429, code: 'FREQUENCY_LIMIT_EXCEED' },
    });
  });
});
