import { fileURLToPath } from 'node:url';
import { allCodes, scanToTheEnd } from '../fixtures/console-api';
import { expect, test } from '../fixtures/journey';
import { STOCKS, stockUrl } from '../fixtures/sandbox';

// Kept out of the tree (test-results/ is git-ignored): `npm run screenshots` copies them to
// e2e/screenshots/, the committed pictures the README shows, so a test run never rewrites them.
const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const STOCK = STOCKS.codes250;

test.use({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });

test('README screenshot: the 250-code stock in the console (zh-CN, 1280×800)', async ({ page }) => {
  await page.goto(stockUrl(STOCK.id));
  await expect(page.getByRole('heading', { level: 2, name: STOCK.name })).toBeVisible();
  await expect(page.getByRole('button', { name: /^复制编码 / })).toHaveCount(20);
  await expect(page.getByText('共 250 个编码', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}console.png` });
});

test('README screenshot: a coverage check result (zh-CN, 1280×800)', async ({ page }) => {
  await scanToTheEnd(page.request, STOCK.id);
  const codes = await allCodes(page.request, STOCK.id);
  const checked = [
    codes[3],
    'SKU-NOT-IN-STOCK',
    codes[57],
    codes[120],
    '6901234567892',
    codes[249],
  ];

  await page.goto(stockUrl(STOCK.id, { tab: 'coverage' }));
  const form = page.getByRole('form', { name: '核对商品编码' });
  await form.getByRole('textbox', { name: '要核对的商品编码' }).fill(checked.join('\n'));
  await form.getByRole('button', { name: '开始核对' }).click();
  const results = page.getByRole('heading', { name: '核对结果' });
  await expect(page.getByRole('radio', { name: /^适用\s*4$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '复制凭据' })).toBeVisible();
  await results.evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SCREENSHOTS}coverage.png` });
});
