import { describe, expect, it } from 'vitest';
import { expectNoPageErrors, openPage, screenshot, sharedBrowser, signIn } from './support/browser.js';

const browser = sharedBrowser();

describe('what each role may see and do', () => {
  it('roots the district dispatcher’s tree at 海勃湾区', async () => {
    const { page, context, problems } = await openPage(browser());
    await signIn(page, 'dispatcher_hbw');
    await page.goto('/orgs');
    const nodes = page.locator('.ant-tree-treenode').filter({ hasText: /\S/ });
    await nodes.first().getByText('海勃湾区', { exact: true }).waitFor();
    expect(await nodes.getByText('乌海市', { exact: true }).count()).toBe(0);
    // Read-only: no administrator's buttons.
    expect(await page.getByRole('button', { name: '新建下级' }).count()).toBe(0);
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'orgs-dispatcher-hbw');
    expectNoPageErrors(problems);
    await context.close();
  });

  it('lets the leader read users, with phones masked and no write buttons', async () => {
    const { page, context, problems } = await openPage(browser());
    await signIn(page, 'leader');
    await page.goto('/users');
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '重置密码' }).count()).toBe(0);
    expect(await page.locator('.ant-table-row').first().innerText()).toMatch(/\d{3}\*{4}\d{4}/);
    await screenshot(page, 'users-leader');
    expectNoPageErrors(problems);
    await context.close();
  });
});
