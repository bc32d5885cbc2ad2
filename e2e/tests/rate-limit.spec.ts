import { keepScreenshot } from '../fixtures/artifacts';
import { expect, test } from '../fixtures/journey';
import { STOCKS, stockUrl } from '../fixtures/sandbox';

const STOCK = STOCKS.burst;

test('a rate-limited scan says it is waiting, then completes', async ({ page }, testInfo) => {
  // The lookup's own calls meet the burst limit too; the server retries them, so the page only
  // sees the 20 codes. The sandbox answers every odd call with 429, and each caller retries
  // until it gets an even (good) one, so once the table is shown the scan's first call is odd.
  await page.goto(stockUrl(STOCK.id));
  await expect(page.getByText('共 20 个编码', { exact: true })).toBeVisible({ timeout: 15_000 });

  await page.getByRole('tab', { name: '核对商品编码' }).click();
  const waiting = page.getByText(/^微信支付限制了调用频率，约 \d+ 秒后自动继续读取。$/);
  const running = page.getByRole('status').filter({ hasText: '正在读取全部编码…' });
  // The server waits about a second before it retries: look often enough to see that window,
  // and see the notice together with the running state it belongs to.
  await expect
    .poll(async () => (await waiting.isVisible()) && (await running.isVisible()), {
      intervals: [25],
      message: 'the rate-limit notice while the scan runs',
    })
    .toBe(true);
  await keepScreenshot(page, testInfo, 'rate-limit-waiting');

  await expect(page.getByRole('status').filter({ hasText: '全部编码已读取完毕。' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText(/已载入 20 个编码/)).toBeVisible();
  await expect(waiting).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'rate-limit-done');
});
