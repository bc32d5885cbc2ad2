import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/console-errors';
import { type Replicas, startReplicas } from '../fixtures/replicas';
import { stockUrl } from '../fixtures/sandbox';
import { codeRows, readRow } from '../fixtures/tables';

// 全品类满99减15: 5,000 codes, 50 pages, about 100 s to read at the replicas' 30 calls a minute.
const STOCK = { id: '16000005', name: '全品类满99减15' };
// Pages A has read when B opens the page: early enough that the read outlasts B's page load
// on a busy machine, late enough that a read of B's own (from page 0) would show.
const JOIN_AFTER_PAGES = 5;

let replicas: Replicas | undefined;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  replicas = await startReplicas();
});
test.afterAll(async () => {
  await replicas?.stop();
});

test('two replicas: signed in on one, the other shows the same scan as it is read', async ({
  context,
}) => {
  test.setTimeout(300_000);
  if (!replicas) throw new Error('replicas not started');
  const [a, b] = replicas.urls;

  // Signed in through replica A only.
  const login = await context.request.post(`${a}/api/auth/login`, {
    data: { username: 'demo', password: replicas.password },
    headers: { Origin: a },
  });
  expect(login.ok()).toBe(true);

  const onA = await context.newPage();
  await onA.goto(`${a}${stockUrl(STOCK.id)}`);
  await expect(onA.getByRole('heading', { level: 2, name: STOCK.name })).toBeVisible();
  const { code } = await readRow(codeRows(onA).nth(3));
  // Searching starts the full read on A.
  const searchOnA = onA.getByRole('searchbox', { name: '在整个批次中搜索商品编码' });
  await searchOnA.fill(code);
  await expect(onA.getByRole('status').filter({ hasText: '正在读取全部编码…' })).toBeVisible();
  const progressOf = (page: Page) =>
    page
      .getByRole('progressbar', { name: '读取进度' })
      .evaluate((element) => (element instanceof HTMLProgressElement ? element.value : -1));
  await expect
    .poll(() => progressOf(onA), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(JOIN_AFTER_PAGES);

  // A colleague's browser reaches replica B (no sticky sessions): same session, same scan.
  const onB = await context.newPage();
  await onB.goto(`${b}${stockUrl(STOCK.id, { q: code })}`);
  await expect(onB.getByRole('heading', { level: 2, name: STOCK.name })).toBeVisible();
  await expect(onB.getByRole('status').filter({ hasText: '正在读取全部编码…' })).toBeVisible();
  await expect(onB.getByRole('row').filter({ hasText: code })).not.toHaveCount(0);
  // B joined the read A started, pages into it (a read of its own would start at 0)…
  const joinedAt = await progressOf(onB);
  expect(joinedAt).toBeGreaterThanOrEqual(JOIN_AFTER_PAGES);
  // …and follows the pages A goes on reading.
  await expect
    .poll(() => progressOf(onB), { message: 'B’s bar follows the pages A reads' })
    .toBeGreaterThan(joinedAt);

  // The one read finishes on both replicas.
  for (const page of [onA, onB]) {
    await expect(page.getByRole('status').filter({ hasText: '全部编码已读取完毕。' })).toBeVisible({
      timeout: 180_000,
    });
  }
});
