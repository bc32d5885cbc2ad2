import type { Page } from '@playwright/test';
import { keepScreenshot, MEASURES, reportMeasure } from '../fixtures/artifacts';
import { expect, test } from '../fixtures/journey';
import { CREATOR_MCHID, STOCKS } from '../fixtures/sandbox';
import { codeRows, readRow } from '../fixtures/tables';

const STOCK = STOCKS.codes250;
// A digit most codes of the stock contain: its matches fill several pages of 50.
const BROAD_QUERY = '5';

async function expectPage(page: Page, current: number, total: number) {
  const pages = page.getByRole('navigation', { name: '分页' });
  await expect(pages.getByRole('button', { name: `第 ${current} 页` })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(pages.getByText(`第 ${current} / ${total} 页`, { exact: true })).toBeVisible();
}

test('an operator looks up the 250-code stock, pages, searches and shares the view', async ({
  page,
  context,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  const form = page.getByRole('form', { name: '查询批次' });
  await form.getByRole('combobox', { name: '批次号' }).fill(STOCK.id);
  await form.getByRole('combobox', { name: '创建批次的商户号' }).fill(CREATOR_MCHID);
  await form.getByRole('combobox', { name: '创建批次的商户号' }).press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: STOCK.name })).toBeVisible();
  const rows = codeRows(page);
  await expect(rows).toHaveCount(20);
  await reportMeasure(page, MEASURES.submitToFirstRows);
  await expect(page.getByText('共 250 个编码', { exact: true })).toBeVisible();
  await expectPage(page, 1, 13);
  const firstOfPage1 = await readRow(rows.first());
  expect(firstOfPage1.n).toBe('1');

  // Page through: next, then last; row numbers continue across pages.
  const pages = page.getByRole('navigation', { name: '分页' });
  await pages.getByRole('button', { name: '下一页' }).click();
  await expectPage(page, 2, 13);
  await expect(rows.first().getByRole('cell').first()).toHaveText('21');
  expect((await readRow(rows.first())).code).not.toBe(firstOfPage1.code);
  await pages.getByRole('button', { name: '末页' }).click();
  await expectPage(page, 13, 13);
  await expect(rows).toHaveCount(10);
  await expect(rows.last().getByRole('cell').first()).toHaveText('250');
  await expect(pages.getByRole('button', { name: '下一页' })).toBeDisabled();

  // A bigger page keeps the first visible row (241) on screen: page 5 of 50.
  await pages.getByRole('combobox', { name: '每页条数' }).selectOption('50');
  await expectPage(page, 5, 5);
  await expect(rows).toHaveCount(50);
  await expect(rows.first().getByRole('cell').first()).toHaveText('201');
  const wanted = await readRow(rows.nth(17));

  // Search one real code: the exact match comes first, highlighted and labelled.
  const search = page.getByRole('searchbox', { name: '在整个批次中搜索商品编码' });
  await search.fill(wanted.code);
  const exactRow = page.getByRole('row').filter({ hasText: '完全一致' });
  await expect(exactRow).toHaveCount(1);
  await expect(exactRow).toContainText(wanted.code);
  await expect(rows.first()).toHaveClass(/\brow-exact\b/);
  await expect(page.getByRole('status').filter({ hasText: '全部编码已读取完毕。' })).toBeVisible();

  // A broader search spans pages; go to its second page and share that view.
  await search.fill(BROAD_QUERY);
  await expect(page.getByText(/^共 \d+ 个匹配$/)).toBeVisible();
  await expectPage(page, 1, 3);
  await pages.getByRole('button', { name: '第 2 页' }).click();
  await expectPage(page, 2, 3);
  await expect(rows).toHaveCount(50);
  const sharedFirst = await readRow(rows.first());
  expect(sharedFirst.n).toBe('51');

  await page.getByRole('button', { name: '复制本页链接' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(new URL(link).pathname).toBe('/stock/codes');
  const params = new URL(link).searchParams;
  expect(Object.fromEntries(params)).toEqual({
    stock: STOCK.id,
    mchid: CREATOR_MCHID,
    q: BROAD_QUERY,
    size: '50',
    page: '2',
  });

  // The link, opened in a new page, shows the same view.
  const shared = await context.newPage();
  await shared.goto(link);
  await expect(shared.getByRole('heading', { level: 2, name: STOCK.name })).toBeVisible();
  await expect(shared.getByRole('tab', { name: '可用单品' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(shared.getByRole('searchbox', { name: '在整个批次中搜索商品编码' })).toHaveValue(
    BROAD_QUERY,
  );
  await expect(shared.getByRole('combobox', { name: '每页条数' })).toHaveValue('50');
  await expectPage(shared, 2, 3);
  await expect(codeRows(shared)).toHaveCount(50);
  expect(await readRow(codeRows(shared).first())).toEqual(sharedFirst);
  await keepScreenshot(shared, testInfo, 'operator-shared-link');
  await shared.close();

  // Back and Forward walk the views: search page 1, then paging at 50 per page, and forward.
  await page.goBack();
  await expectPage(page, 1, 3);
  await expect(search).toHaveValue(BROAD_QUERY);
  await page.goBack();
  await expect(search).toHaveValue('');
  await expectPage(page, 5, 5);
  await expect(rows.first().getByRole('cell').first()).toHaveText('201');
  await page.goForward();
  await expect(search).toHaveValue(BROAD_QUERY);
  await expectPage(page, 1, 3);
  await keepScreenshot(page, testInfo, 'operator');
});
