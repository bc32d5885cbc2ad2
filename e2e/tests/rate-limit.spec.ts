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

  const waiting = page.getByText(/^微信支付限制了调用频率，约 \d+ 秒后自动继续读取。$/);
  // The server waits about a second before it retries, shorter than a busy machine may take
  // between two looks from the test: the page itself looks at every frame it draws, for
  // the notice together with the running state it belongs to.
  const noticeWhileRunning = page.waitForFunction(
    () => {
      const texts = (selector: string) =>
        Array.from(document.querySelectorAll(selector), (element) => element.textContent ?? '');
      const notice = /^微信支付限制了调用频率，约 \d+ 秒后自动继续读取。$/;
      return (
        texts('[role="status"]').some((text) => text.includes('正在读取全部编码…')) &&
        texts('p').some((text) => notice.test(text.trim()))
      );
    },
    undefined,
    { polling: 'raf' },
  );
  await page.getByRole('tab', { name: '核对商品编码' }).click();
  await noticeWhileRunning;
  await keepScreenshot(page, testInfo, 'rate-limit-waiting');

  await expect(page.getByRole('status').filter({ hasText: '全部编码已读取完毕。' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText(/已载入 20 个编码/)).toBeVisible();
  await expect(waiting).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'rate-limit-done');
});
