import { readFile } from 'node:fs/promises';
import { keepScreenshot } from '../fixtures/artifacts';
import { allCodes, checkCoverage, scanToTheEnd } from '../fixtures/console-api';
import { expect, test } from '../fixtures/journey';
import { CREATOR_MCHID, STOCKS, stockUrl } from '../fixtures/sandbox';
import { codeRows } from '../fixtures/tables';

const STOCK = STOCKS.codes250;
const NOT_COVERED = [
  'E2E-NOT-A-CODE-1',
  'e2e-not-a-code-2',
  '000000000000000',
  'ZZZ-404',
  'X',
  'nope-123',
  'NOT_IN_STOCK',
];
const MALFORMED = 'M'.repeat(129);

/** WeChat Pay's clock in the evidence line: ISO 8601 in Beijing time (web/src/lib/format.ts). */
function beijingIso(iso: string): string {
  const beijing = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000);
  return `${beijing.toISOString().slice(0, 19)}+08:00`;
}

test('support staff check 20 pasted codes, filter, download the CSV and copy the evidence', async ({
  page,
  context,
}, testInfo) => {
  // The page's own request context: it shares the browser's session.
  const request = page.request;
  // Real codes of the stock, from the console's own API once its scan is done.
  await scanToTheEnd(request, STOCK.id);
  const stockCodes = await allCodes(request, STOCK.id);
  expect(stockCodes).toHaveLength(STOCK.size);
  const covered = [0, 1, 2, 17, 42, 99, 100, 150, 199, 200, 230, 249].map(
    (i) => stockCodes[i] ?? '',
  );
  for (const code of NOT_COVERED) expect(stockCodes).not.toContain(code);
  const checked = [...covered.slice(0, 6), ...NOT_COVERED, ...covered.slice(6)];

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(stockUrl(STOCK.id));
  await page.getByRole('tab', { name: '核对商品编码' }).click();
  await expect(page.getByRole('tab', { name: '核对商品编码' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // Pasted the way spreadsheets and chats deliver them: lines, commas, tabs and spaces.
  const form = page.getByRole('form', { name: '核对商品编码' });
  const pasted = [
    checked.slice(0, 5).join('\n'),
    checked.slice(5, 10).join(', '),
    `${MALFORMED}\t${checked.slice(10, 14).join('\t')}`,
    checked.slice(14).join(' '),
  ].join('\n');
  await form.getByRole('textbox', { name: '要核对的商品编码' }).fill(pasted);
  await expect(form.getByText('识别到 19 个编码。')).toBeVisible();
  await expect(form.getByText('有 1 条不符合编码规则，不会核对：')).toBeVisible();
  await expect(form.getByText('共 129 个字符，超过了 128 个字符的上限')).toBeVisible();

  await form.getByRole('button', { name: '开始核对' }).click();
  await expect(page.getByRole('heading', { name: '核对结果' })).toBeVisible();
  const filter = page.getByRole('group', { name: '按结果筛选' });
  await expect(filter.getByRole('radio', { name: /^全部\s*19$/ })).toBeChecked();
  await expect(filter.getByRole('radio', { name: /^适用\s*12$/ })).toBeVisible();
  await expect(filter.getByRole('radio', { name: /^不适用\s*7$/ })).toBeVisible();
  await expect(filter.getByRole('radio', { name: /^无法确定\s*0$/ })).toBeVisible();
  const rows = codeRows(page);
  await expect(rows).toHaveCount(19);

  // Filtering by result leaves only that group.
  await filter.getByRole('radio', { name: /^不适用/ }).check();
  await expect(rows).toHaveCount(NOT_COVERED.length);
  for (const code of NOT_COVERED) {
    await expect(rows.filter({ hasText: code }).getByText('不适用', { exact: true })).toBeVisible();
  }
  await filter.getByRole('radio', { name: /^适用/ }).check();
  await expect(rows).toHaveCount(covered.length);
  await expect(rows.getByText('适用', { exact: true })).toHaveCount(covered.length);
  await filter.getByRole('radio', { name: /^全部/ }).check();
  await expect(rows).toHaveCount(19);

  // The CSV: UTF-8 with a BOM for Excel, a header, one row per checked code.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...lines] = csv.slice(1).trimEnd().split(/\r?\n/);
  expect(header).toBe('code,status');
  const statuses = Object.fromEntries(lines.map((line) => line.split(',')));
  expect(lines).toHaveLength(19);
  expect(statuses).toEqual(
    Object.fromEntries([
      ...covered.map((code) => [code, 'covered']),
      ...NOT_COVERED.map((code) => [code, 'not_covered']),
    ]),
  );

  // The evidence line names the stock, the scan's times and its WeChat Pay Request-IDs.
  await page.getByRole('button', { name: '复制凭据' }).click();
  const evidence = await page.evaluate(() => navigator.clipboard.readText());
  await expect(page.getByText(evidence, { exact: true })).toBeVisible();
  const server = await checkCoverage(request, STOCK.id, checked);
  expect(server.evidence.scan_finished_at).not.toBeNull();
  expect(evidence).toContain(`批次 ${STOCK.id}（创建商户号 ${CREATOR_MCHID}）`);
  expect(evidence).toContain(`全量读取开始于 ${beijingIso(server.evidence.scan_started_at)}`);
  expect(evidence).toContain(`完成于 ${beijingIso(server.evidence.scan_finished_at ?? '')}`);
  expect(evidence).toContain('微信支付 Request-ID：');
  expect(server.evidence.request_ids.count).toBeGreaterThan(0);
  for (const id of [...server.evidence.request_ids.first, ...server.evidence.request_ids.last]) {
    expect(evidence).toContain(id);
  }
  expect(evidence).toContain('结果：适用 12 个，不适用 7 个，无法确定 0 个。');
  await keepScreenshot(page, testInfo, 'support');
});
