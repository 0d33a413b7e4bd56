import { describe, expect, it } from 'vitest';
import { expectNoPageErrors, openPage, screenshot, sharedBrowser, signInQuickly } from './support/browser.js';

const browser = sharedBrowser();

describe('case search, supervision, callback and measures', () => {
  it('keeps the case list filters in the URL, through a reload and the back button', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'dispatcher', '/cases');
    await page.locator('.ant-table-row').first().waitFor();
    // the city's cases, newest first, before any filter
    await screenshot(page, 'case-search');
    // keyset pages: 下一页 keeps its cursor in the address, 上一页 goes back to the first page
    const pager = page.getByTestId('keyset-page');
    await expect.poll(() => pager.innerText()).toContain('第 1 页');
    // rows compared by their key: a row's text holds the time left, which moves with the clock
    const firstRowKey = () => page.locator('.ant-table-row').first().getAttribute('data-row-key');
    const firstRow = await firstRowKey();
    expect(firstRow).toMatch(/^\d+$/);
    await page.getByRole('button', { name: /下一页/ }).click();
    await page.waitForURL((url) => url.searchParams.has('cursor'));
    await expect.poll(() => pager.innerText()).toContain('第 2 页');
    await expect.poll(firstRowKey).not.toBe(firstRow);
    await page.getByRole('button', { name: /上一页/ }).click();
    await page.waitForURL((url) => !url.searchParams.has('cursor'));
    await expect.poll(() => pager.innerText()).toContain('第 1 页');
    await expect.poll(firstRowKey).toBe(firstRow);
    const filters = page.getByRole('form', { name: '查询条件' });
    await filters.getByLabel('关键词 / 工单编号').fill('路灯');
    await filters.getByLabel('亮灯').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '正常' }).click();
    await page.keyboard.press('Escape');
    await filters.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '路灯');
    expect(new URL(page.url()).searchParams.get('light')).toBe('green');

    await page.reload();
    await page.locator('.ant-table').first().waitFor();
    expect(await filters.getByLabel('关键词 / 工单编号').inputValue()).toBe('路灯');
    await expect
      .poll(() => filters.locator('.ant-select-selection-item').filter({ hasText: '正常' }).count())
      .toBe(1);
    await screenshot(page, 'case-search-filtered');

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await expect.poll(() => filters.getByLabel('关键词 / 工单编号').inputValue()).toBe('');
    expectNoPageErrors(problems);
    await context.close();
  });

  it('shows the three rates for 乌海市 on the measures page', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'leader', '/measures');
    await page
      .getByTestId('measures-org')
      .getByText(/乌海市/)
      .waitFor();
    for (const label of ['响应率', '解决率', '满意率', '综合得分']) {
      await page.locator('.ant-statistic-title').filter({ hasText: label }).first().waitFor();
    }
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'measures');
    expectNoPageErrors(problems);
    await context.close();
  });

  it('opens the supervision and callback queues', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'supervisor', '/supervision');
    await page.getByRole('tab', { name: '超期（红灯）' }).waitFor();
    await page.locator('.ant-table').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'supervision');
    await page.getByTestId('notification-bell').click();
    await page.getByText('消息通知').first().waitFor();
    await screenshot(page, 'notifications');
    await context.close();

    const agent = await openPage(browser());
    await signInQuickly(agent.page, 'agent', '/callback');
    await agent.page.getByRole('tab', { name: '待回访' }).waitFor();
    await agent.page.locator('.ant-table').first().waitFor();
    await screenshot(agent.page, 'callback');
    expectNoPageErrors([...problems, ...agent.problems]);
    await agent.context.close();
  });
});
