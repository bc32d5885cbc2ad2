import { expect, test } from '../fixtures/journey';

test('the console opens on the sandbox in Chinese and switches to English', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '代金券可用单品查询' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('沙箱模式');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Coupon Coverage Console' }),
  ).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Sandbox mode');

  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Coupon Coverage Console' }),
  ).toBeVisible();
});
