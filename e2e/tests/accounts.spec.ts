import type { Page } from '@playwright/test';
import { auditPageResponseSchema } from 'server/contract/audit';
import { SESSION_COOKIE } from 'server/contract/auth';
import {
  createUser,
  expect,
  SIGNED_OUT_CHECK,
  sessionCookie,
  signInOnPage,
  test,
} from '../fixtures/accounts';
import { keepScreenshot } from '../fixtures/artifacts';
import { allCodes, scanToTheEnd } from '../fixtures/console-api';
import { CREATOR_MCHID, STOCKS, stockUrl } from '../fixtures/sandbox';
import { signInAsDemo } from '../fixtures/sign-in';
import { codeRows } from '../fixtures/tables';

const STOCK = STOCKS.codes250;
// New passwords need 12+ characters and must not be common; these exist only in this run's DATA_DIR.
const PASSWORD = 'e2e-Passw0rd-long';
const EXPORT_ALL = '下载已读取的全部编码（CSV）';
const READ_AGAIN = '重新读取';
// A documentation address (RFC 5737): only a header value, no traffic goes there.
const THROTTLED_IP = '203.0.113.7';
// The 401s and the 429 the wrong passwords get, as Chromium logs them.
const FAILED_LOGIN =
  /^Failed to load resource: the server responded with a status of (401|429)\b.*\(https?:\/\/[^/]+\/api\/auth\/(login|me)\)$/;

function adminNav(page: Page) {
  return page.getByRole('navigation', { name: '控制台页面' });
}

/** Looks the stock up through the form and waits for its first page of codes. */
async function lookUp(page: Page) {
  await page.goto('/');
  const form = page.getByRole('form', { name: '查询批次' });
  await form.getByRole('combobox', { name: '批次号' }).fill(STOCK.id);
  await form.getByRole('combobox', { name: '创建批次的商户号' }).fill(CREATOR_MCHID);
  await form.getByRole('combobox', { name: '创建批次的商户号' }).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: STOCK.name })).toBeVisible();
  await expect(codeRows(page)).toHaveCount(20);
}

/** Searches one real code: the exact match, and the (done) scan it searched, with its actions. */
async function searchCode(page: Page, code: string) {
  await page.getByRole('searchbox', { name: '在整个批次中搜索商品编码' }).fill(code);
  const exactRow = page.getByRole('row').filter({ hasText: '完全一致' });
  await expect(exactRow).toHaveCount(1);
  await expect(exactRow).toContainText(code);
  await expect(page.getByRole('status').filter({ hasText: '全部编码已读取完毕。' })).toBeVisible();
}

/** Runs a coverage check of `codes` on the coverage tab; returns the evidence line as copied. */
async function checkOnPage(page: Page, codes: readonly string[]): Promise<string> {
  await page.getByRole('tab', { name: '核对商品编码' }).click();
  const form = page.getByRole('form', { name: '核对商品编码' });
  await form.getByRole('textbox', { name: '要核对的商品编码' }).fill(codes.join('\n'));
  await form.getByRole('button', { name: '开始核对' }).click();
  await expect(page.getByRole('heading', { name: '核对结果' })).toBeVisible();
  await expect(codeRows(page)).toHaveCount(codes.length);
  await page.getByRole('button', { name: '复制凭据' }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe('accounts', () => {
  test.beforeEach(async ({ page }) => {
    // Support cannot start a scan: the demo admin reads the stock once for every role.
    await scanToTheEnd(page.request, STOCK.id);
  });

  test('each role signs in through the login page and sees only its screens', async ({
    page,
    newContext,
  }, testInfo) => {
    const codes = await allCodes(page.request, STOCK.id);
    // The admin adds the operator on the Users page and the support user through the API.
    await page.goto('/');
    await adminNav(page).getByRole('link', { name: '用户管理' }).click();
    const add = page.getByRole('form', { name: '添加用户' });
    await add.getByRole('textbox', { name: '用户名' }).fill('e2e-operator');
    await add.getByRole('combobox', { name: '角色' }).selectOption({ label: '运营人员' });
    await add.getByLabel('初始密码').fill(PASSWORD);
    await add.getByRole('button', { name: '添加用户' }).click();
    const users = page.getByRole('table', { name: '控制台用户' });
    const operatorRow = users.getByRole('row').filter({ hasText: 'e2e-operator' });
    await expect(operatorRow).toContainText('运营人员');
    await expect(operatorRow.getByRole('button', { name: '停用 e2e-operator' })).toBeVisible();
    await createUser(page.request, {
      username: 'e2e-support',
      role: 'support',
      password: PASSWORD,
    });
    await page.reload();
    await expect(users.getByRole('row').filter({ hasText: 'e2e-support' })).toContainText('客服');
    await keepScreenshot(page, testInfo, 'accounts-users');

    // Admin: the navigation to every screen, and the full-code actions.
    await lookUp(page);
    await searchCode(page, codes[3] ?? '');
    const nav = adminNav(page);
    for (const name of ['批次查询', '用户管理', '审计记录']) {
      await expect(nav.getByRole('link', { name })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: EXPORT_ALL })).toBeVisible();
    await expect(page.getByRole('button', { name: READ_AGAIN })).toBeVisible();

    // Operator: no admin pages, but the full-code export and reading again.
    const operator = await (await newContext()).newPage();
    await signInOnPage(operator, 'e2e-operator', PASSWORD);
    await expect(operator.getByText('运营人员', { exact: true })).toBeVisible();
    await lookUp(operator);
    await searchCode(operator, codes[7] ?? '');
    await expect(adminNav(operator)).toHaveCount(0);
    await expect(operator.getByRole('link', { name: EXPORT_ALL })).toBeVisible();
    await expect(operator.getByRole('button', { name: READ_AGAIN })).toBeVisible();

    // Support: neither, yet lookup, search and coverage still work.
    const supportContext = await newContext();
    await supportContext.grantPermissions(['clipboard-read', 'clipboard-write']);
    const support = await supportContext.newPage();
    await signInOnPage(support, 'e2e-support', PASSWORD);
    await expect(support.getByText('客服', { exact: true })).toBeVisible();
    await lookUp(support);
    await searchCode(support, codes[42] ?? '');
    await expect(adminNav(support)).toHaveCount(0);
    await expect(support.getByRole('link', { name: EXPORT_ALL })).toHaveCount(0);
    await expect(support.getByRole('button', { name: READ_AGAIN })).toHaveCount(0);
    const evidence = await checkOnPage(support, [codes[0] ?? '', 'E2E-NOT-A-CODE']);
    expect(evidence).toContain('结果：适用 1 个，不适用 1 个，无法确定 0 个。');
    await keepScreenshot(support, testInfo, 'accounts-support');

    // An admin page by URL: a plain refusal, and the way back.
    await support.goto('/admin/audit');
    await expect(support.getByRole('alert')).toContainText('当前角色不能执行这项操作');
    await expect(support.getByRole('heading', { name: '审计记录' })).toHaveCount(0);
    await support.getByRole('button', { name: '返回批次查询' }).click();
    await expect(support.getByRole('form', { name: '查询批次' })).toBeVisible();
  });

  test("the admin finds a support user's coverage check in the audit page", async ({
    page,
    newContext,
  }, testInfo) => {
    const codes = await allCodes(page.request, STOCK.id);
    await createUser(page.request, {
      username: 'e2e-disputes',
      role: 'support',
      password: PASSWORD,
    });
    const supportContext = await newContext();
    await supportContext.grantPermissions(['clipboard-read', 'clipboard-write']);
    const support = await supportContext.newPage();
    await signInOnPage(support, 'e2e-disputes', PASSWORD);
    await support.goto(stockUrl(STOCK.id));
    await expect(support.getByRole('heading', { level: 2, name: STOCK.name })).toBeVisible();
    const evidence = await checkOnPage(support, codes.slice(10, 13));
    expect(evidence).toContain(`批次 ${STOCK.id}（创建商户号 ${CREATOR_MCHID}）`);
    const auditId = /审计记录 #(\d+)。$/.exec(evidence)?.[1];
    expect(auditId, `audit id in "${evidence}"`).toBeDefined();

    await page.goto('/');
    await adminNav(page).getByRole('link', { name: '审计记录' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '审计记录' })).toBeVisible();
    const filters = page.getByRole('form', { name: '筛选审计记录' });
    await filters.getByRole('textbox', { name: '用户' }).fill('e2e-disputes');
    await filters.getByRole('combobox', { name: '操作' }).selectOption('coverage_check');
    await filters.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(page.getByText('共 1 条记录', { exact: true })).toBeVisible();
    const table = page.getByRole('table', { name: '审计记录，第 1 / 1 页' });
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: `#${auditId}`, exact: true }) });
    await expect(row).toHaveCount(1);
    for (const text of ['e2e-disputes', '客服', '核对编码', STOCK.id, '成功']) {
      await expect(row.getByRole('cell', { name: text, exact: true })).toBeVisible();
    }
    await expect(row.getByRole('cell', { name: '3', exact: true })).toBeVisible();
    await keepScreenshot(page, testInfo, 'accounts-audit');

    // Clearing the filters shows more than that one row again.
    await filters.getByRole('button', { name: '清除筛选' }).click();
    await expect(page.getByText(/^共 \d+ 条记录$/)).not.toHaveText('共 1 条记录');
  });
});

test.describe('sign-in throttling', () => {
  test.use({ allowedConsoleErrors: [FAILED_LOGIN] });

  test('five wrong passwords, then the sixth try says when to try again', async ({
    page,
    baseURL,
    newContext,
  }) => {
    // Another client address (only a header: the server trusts its loopback proxy), so the lock
    // on it never stops later journeys signing in from 127.0.0.1.
    const context = await newContext({ extraHTTPHeaders: { 'X-Forwarded-For': THROTTLED_IP } });
    const guest = await context.newPage();
    await guest.goto('/');
    const form = guest.getByRole('form', { name: '登录' });
    await form.getByRole('textbox', { name: '用户名' }).fill('e2e-throwaway');
    await form.getByLabel('密码', { exact: true }).fill('not-the-password');
    const submit = form.getByRole('button', { name: '登录', exact: true });
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      const answered = guest.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await submit.click();
      expect((await answered).status(), `attempt ${attempt}`).toBe(attempt <= 5 ? 401 : 429);
      await expect(submit).toBeEnabled();
    }
    const alert = form.getByRole('alert');
    await expect(alert).toHaveText(/^登录失败次数过多，请在 .+ 之后再试。$/);
    await expect(form.getByText(/^还需等待 1[45] 分 \d{1,2} 秒。$/)).toBeVisible();
    await expect(form.getByText('用户名或密码不正确，或者这个账号已被停用。')).toHaveCount(0);

    // The audit trail saw that address, not 127.0.0.1: five failures and the refused sixth,
    // tallied in one row per address and minute (two if the attempts straddled a minute).
    const audit = await page.request.get('/api/admin/audit?action=login_failed&page_size=100');
    expect(audit.ok()).toBe(true);
    const failures = auditPageResponseSchema
      .parse(await audit.json())
      .entries.filter((entry) => entry.client_ip === THROTTLED_IP);
    const attempts = failures.map((entry) => Number(/^(\d+) failed/.exec(entry.detail ?? '')?.[1]));
    expect(attempts.reduce((sum, n) => sum + n, 0)).toBe(6);
    const outcomes = failures.map((entry) => entry.detail).join(' ');
    expect(outcomes).toMatch(/\b1 RATE_LIMITED\b/);

    // 127.0.0.1 is not locked: the demo admin still signs in from the default context.
    await page.context().clearCookies();
    await signInAsDemo(page.request, baseURL ?? '');
    await page.goto('/');
    await expect(adminNav(page).getByRole('link', { name: '审计记录' })).toBeVisible();
  });
});

test.describe('sign-out', () => {
  // Reloading signed out asks who is signed in: a 401 the browser logs.
  test.use({ allowedConsoleErrors: [SIGNED_OUT_CHECK] });

  test('really ends the session: a reload shows the login page, the old cookie is 401', async ({
    page,
    context,
    request,
  }) => {
    await page.goto('/');
    await expect(adminNav(page)).toBeVisible();
    const cookie = `${SESSION_COOKIE}=${await sessionCookie(context)}`;
    // The same cookie from another client works while the session lasts…
    expect((await request.get('/api/auth/me', { headers: { Cookie: cookie } })).status()).toBe(200);

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByText('您已退出登录。')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: '登录' })).toBeVisible();
    await expect(page.getByRole('form', { name: '登录' })).toBeVisible();
    await expect(page.getByRole('button', { name: '退出登录' })).toHaveCount(0);
    await expect(adminNav(page)).toHaveCount(0);

    // …and not after: the server ended it, not just the browser's cookie jar.
    const after = await request.get('/api/auth/me', { headers: { Cookie: cookie } });
    expect(after.status()).toBe(401);
  });
});
