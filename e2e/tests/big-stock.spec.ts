import type { Locator } from '@playwright/test';
import { keepScreenshot, MEASURES, measureDurations, reportMeasure } from '../fixtures/artifacts';
import { expect, test } from '../fixtures/journey';
import { STOCKS, stockUrl } from '../fixtures/sandbox';
import { codeRows, readRow } from '../fixtures/tables';

const STOCK = STOCKS.big;

/** The bar's current value (what Chromium exposes as aria-valuenow). */
function barValue(bar: Locator): Promise<number> {
  return bar.evaluate((element) => (element instanceof HTMLProgressElement ? element.value : -1));
}

// The whole walk takes minutes at WeChat Pay's real limits: this journey only watches it start.
test('the 60,000-code stock: progress advances, search works on partial data, truncation is told', async ({
  page,
}, testInfo) => {
  await page.goto(stockUrl(STOCK.id));
  await expect(page.getByRole('heading', { level: 2, name: STOCK.name })).toBeVisible();
  const rows = codeRows(page);
  await expect(rows).toHaveCount(20);
  const { code } = await readRow(rows.nth(6));
  expect(code.length).toBeGreaterThan(1);

  // Typing starts the scan; all but the last character first, so one keystroke can be timed.
  const search = page.getByRole('searchbox', { name: '在整个批次中搜索商品编码' });
  await search.fill(code.slice(0, -1));
  const running = page.getByRole('status').filter({ hasText: '正在读取全部编码…' });
  await expect(running).toBeVisible();
  const bar = page.getByRole('progressbar', { name: '读取进度' });
  await expect(bar).toBeVisible();
  const first = await barValue(bar);
  await expect
    .poll(() => barValue(bar), { message: 'the progress bar advances' })
    .toBeGreaterThan(first);

  // WeChat Pay's items endpoint stops at page 500: the console says how much it can ever read.
  await expect(
    page.getByText(/^微信支付只开放这个批次前 50,100 个编码的查询（共 60,000 个）/),
  ).toBeVisible();

  // Matches arrive while the scan is still running.
  await expect(page.getByRole('row').filter({ hasText: code })).not.toHaveCount(0);
  // The prefix's own measure is recorded once its results show; forget it, then time one key.
  await expect
    .poll(async () => (await measureDurations(page, MEASURES.searchInputToResults)).length)
    .toBe(1);
  await page.evaluate((name) => performance.clearMeasures(name), MEASURES.searchInputToResults);
  await search.press(code.at(-1) ?? '');
  const exactRow = page.getByRole('row').filter({ hasText: '完全一致' });
  await expect(exactRow).toHaveCount(1);
  await expect(exactRow).toContainText(code);
  await expect(running).toBeVisible();
  // The screen reader announcer repeats the sentence, so the summary's class is the hook.
  await expect(page.locator('.search-summary')).toContainText('仍在读取，结果可能还会增加。');
  await reportMeasure(page, MEASURES.searchInputToResults);
  expect(await measureDurations(page, MEASURES.searchInputToResults)).toHaveLength(1);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByText(/^WeChat Pay exposes only the first 50,100 of 60,000 codes of this stock\./),
  ).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Reading progress' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'big-stock');
});
