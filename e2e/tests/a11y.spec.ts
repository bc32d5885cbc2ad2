import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { keepScreenshot } from '../fixtures/artifacts';
import { expect, FAILED_API_CALL, test } from '../fixtures/journey';
import { STOCKS, stockUrl } from '../fixtures/sandbox';

const BLOCKING = new Set(['serious', 'critical']);

/** axe-core over the whole page; only serious and critical violations fail the journey. */
async function expectNoBlockingViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length, 'axe ran its rules').toBeGreaterThan(0);
  const blocking = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(blocking).toEqual([]);
}

test('the lookup (start) page has no serious or critical axe violation', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '微信支付错误码（23 个）' })).toBeVisible();
  await expect(page.getByRole('button', { name: /9900000022/ })).toBeVisible();
  await expectNoBlockingViolations(page);
  await keepScreenshot(page, testInfo, 'a11y-lookup');
});

test('the codes table has no serious or critical axe violation', async ({ page }, testInfo) => {
  await page.goto(stockUrl(STOCKS.codes250.id));
  await expect(page.getByRole('button', { name: /^复制编码 / })).toHaveCount(20);
  await expectNoBlockingViolations(page);
  // The virtualized table (100 per page) and a search with its progress bar, too.
  await page.getByRole('combobox', { name: '每页条数' }).selectOption('100');
  await expect(page.getByRole('navigation', { name: '分页' })).toContainText('第 1 / 3 页');
  await page.getByRole('searchbox', { name: '在整个批次中搜索商品编码' }).fill('5');
  await expect(page.getByRole('status').filter({ hasText: '全部编码已读取完毕。' })).toBeVisible();
  await expect(page.getByText(/^共 \d+ 个匹配$/)).toBeVisible();
  await expectNoBlockingViolations(page);
  await keepScreenshot(page, testInfo, 'a11y-table');
});

test('the coverage check has no serious or critical axe violation', async ({ page }, testInfo) => {
  await page.goto(stockUrl(STOCKS.codes250.id, { tab: 'coverage' }));
  const form = page.getByRole('form', { name: '核对商品编码' });
  await form
    .getByRole('textbox', { name: '要核对的商品编码' })
    .fill(`E2E-1\nE2E-2\n${'M'.repeat(129)}`);
  await expect(form.getByText('有 1 条不符合编码规则，不会核对：')).toBeVisible();
  await expectNoBlockingViolations(page);
  await form.getByRole('button', { name: '开始核对' }).click();
  await expect(page.getByRole('radio', { name: /^不适用\s*2$/ })).toBeVisible({ timeout: 15_000 });
  await expectNoBlockingViolations(page);
  await keepScreenshot(page, testInfo, 'a11y-coverage');
});

test.describe('error screens', () => {
  test.use({ allowedConsoleErrors: [FAILED_API_CALL] });

  test('an explained error has no serious or critical axe violation', async ({
    page,
  }, testInfo) => {
    await page.goto(stockUrl('9900000022'));
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toBeVisible();
    await alert.getByText('原始返回').click();
    await expectNoBlockingViolations(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(alert.getByText('Raw answer')).toBeVisible();
    await expectNoBlockingViolations(page);
    await keepScreenshot(page, testInfo, 'a11y-error');
  });
});
