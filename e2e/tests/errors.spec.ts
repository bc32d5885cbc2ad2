import type { Explanation, SandboxScenariosResponse } from 'server/contract';
import { keepScreenshot } from '../fixtures/artifacts';
import { fetchExplanations, fetchScenarios } from '../fixtures/console-api';
import { expect, FAILED_API_CALL, test } from '../fixtures/journey';
import { ERROR_ROW_IDS, stockUrl } from '../fixtures/sandbox';

type Scenario = SandboxScenariosResponse['scenarios'][number];

// Every lookup here fails on purpose: Chromium logs each failed API call.
test.use({ allowedConsoleErrors: [FAILED_API_CALL] });

let scenarios: Scenario[] = [];
let explanations: Explanation[] = [];

test.beforeAll(async ({ playwright }, testInfo) => {
  const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  scenarios = (await fetchScenarios(request)).scenarios.filter((s) => s.kind === 'error_row');
  explanations = (await fetchExplanations(request)).explanations;
  await request.dispose();
});

test('the sandbox offers exactly the 23 rows of the error table', () => {
  expect(scenarios.map((scenario) => scenario.id)).toEqual(ERROR_ROW_IDS);
});

for (const id of ERROR_ROW_IDS) {
  test(`error row ${id} shows its own explanation in zh-CN and en`, async ({
    page,
    context,
  }, testInfo) => {
    const scenario = scenarios.find((s) => s.id === id);
    const entry = explanations.find((e) => e.id === scenario?.explanation);
    if (!scenario?.row || !entry)
      throw new Error(`no error_row scenario ${id} with an explanation`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    await page.goto(stockUrl(id));
    const zh = entry.texts['zh-CN'];
    // The 429 row is retried by the server before it answers: give it time.
    const alert = page.getByRole('alert', { name: zh.title });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await expect(alert.getByRole('heading')).toHaveText(zh.title);
    await expect(alert).toContainText(zh.what_happened);
    await expect(alert).toContainText(zh.operator_action);

    // Retrying is offered only where it can help; a rate limit counts down and retries itself.
    const retry = alert.getByRole('button', { name: '重试' });
    const countdown = alert.getByText(/^请求过于频繁，\d+ 秒后自动重试。$/);
    if (!entry.retryable) {
      await expect(retry).toHaveCount(0);
      await expect(countdown).toHaveCount(0);
    } else if (scenario.row.code === 'FREQUENCY_LIMIT_EXCEED') {
      await expect(countdown).toBeVisible();
    } else {
      await expect(retry).toBeVisible();
    }

    // WeChat Pay answered, so there is a Request-ID to quote, one click away.
    await alert.getByRole('button', { name: '复制微信支付 Request-ID' }).click();
    const requestId = await page.evaluate(() => navigator.clipboard.readText());
    expect(requestId).toMatch(/^[0-9A-F]{44}-\d+$/);
    await expect(alert.getByText(requestId, { exact: true })).toBeVisible();

    // The raw answer is folded away but names the row.
    await alert.getByText('原始返回').click();
    await expect(alert.getByText(scenario.row.code, { exact: true })).toBeVisible();
    await expect(alert.getByText(scenario.row.message, { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'English' }).click();
    const en = entry.texts.en;
    const enAlert = page.getByRole('alert', { name: en.title });
    await expect(enAlert.getByRole('heading')).toHaveText(en.title);
    await expect(enAlert).toContainText(en.what_happened);
    await expect(enAlert.getByRole('button', { name: 'Retry' })).toHaveCount(
      entry.retryable && scenario.row.code !== 'FREQUENCY_LIMIT_EXCEED' ? 1 : 0,
    );
    await keepScreenshot(page, testInfo, `error-${id}`);
  });
}
