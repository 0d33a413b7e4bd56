import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { blockingAxeViolations } from './support/axe.js';
import { openPage, sharedBrowser, signInQuickly } from './support/browser.js';

const browser = sharedBrowser();

/** A main page of the console, as one of the roles that works on it opens it. */
interface MainPage {
  name: string;
  /** the demo account; none for the public pages */
  username?: string;
  path: string | ((page: Page) => Promise<string>);
  /** what shows once the page has its data */
  ready: (page: Page) => Promise<unknown>;
}

/** The case file of the first case on 工单查询. */
async function firstCasePath(page: Page): Promise<string> {
  const answer = await page.request.get('/api/v1/cases?limit=1&state=accepted');
  const body = (await answer.json()) as { items: { id: number }[] };
  return `/cases/${body.items[0]!.id}`;
}

const rows = (page: Page) => page.locator('.ant-table-row').first().waitFor();

/** The household page of the first house of the grid worker's register. */
async function firstHousePath(page: Page): Promise<string> {
  const answer = await page.request.get('/api/v1/grid/houses?pageSize=1');
  const body = (await answer.json()) as { items: { id: number }[] };
  return `/grid/houses/${body.items[0]!.id}`;
}

const MAIN_PAGES: MainPage[] = [
  { name: '坐席受理', username: 'agent', path: '/intake', ready: (p) => p.getByLabel('诉求内容').waitFor() },
  { name: '派单中心', username: 'dispatcher', path: '/dispatch', ready: rows },
  {
    name: '承办工作台',
    username: 'handler',
    path: '/workbench',
    ready: (p) => p.locator('.ant-card').first().waitFor(),
  },
  {
    name: '工单详情',
    username: 'dispatcher',
    path: firstCasePath,
    ready: (p) => p.getByText('办理过程').first().waitFor(),
  },
  {
    name: '督办',
    username: 'supervisor',
    path: '/supervision',
    // the overdue queue may be empty in a city that keeps its limits
    ready: (p) => p.locator('.ant-table-row, .ant-table-placeholder').first().waitFor(),
  },
  { name: '回访', username: 'agent', path: '/callback', ready: rows },
  { name: '工单查询', username: 'dispatcher', path: '/cases', ready: rows },
  {
    name: '考核',
    username: 'leader',
    path: '/measures',
    ready: (p) => p.locator('canvas').first().waitFor(),
  },
  {
    name: '组织机构',
    username: 'admin',
    path: '/orgs',
    ready: (p) => p.locator('canvas').first().waitFor(),
  },
  { name: '用户管理', username: 'admin', path: '/users', ready: rows },
  { name: '房屋', username: 'grid', path: '/grid/houses', ready: rows },
  { name: '实有人口', username: 'grid', path: '/grid/residents', ready: rows },
  { name: '户详情', username: 'grid', path: firstHousePath, ready: rows },
  { name: '入户走访', username: 'handler_wd', path: '/grid/visits', ready: rows },
  { name: '登录', path: '/login', ready: (p) => p.getByLabel('用户名').waitFor() },
  {
    name: '群众服务门户',
    path: '/portal',
    ready: (p) => p.getByRole('tab').first().waitFor(),
  },
];

describe('the main pages for a screen reader and a keyboard (axe-core)', () => {
  it.each(MAIN_PAGES)('has no critical or serious violation on $name', async (main) => {
    const { page, context } = await openPage(browser());
    const target = typeof main.path === 'string' ? main.path : undefined;
    if (main.username) await signInQuickly(page, main.username, target ?? '/');
    if (typeof main.path !== 'string') await page.goto(await main.path(page));
    else if (!main.username) await page.goto(main.path);
    await main.ready(page);
    const violations = await blockingAxeViolations(page);
    expect.soft(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    // one landmark for the page's content and one heading naming it (axe counts these as best practice)
    expect.soft(await page.locator('main').count(), 'main landmarks').toBe(1);
    expect.soft(await page.locator('h1').count(), 'h1 headings').toBe(1);
    await context.close();
  });

  it.each([
    { name: '派单', username: 'dispatcher', path: '/dispatch', button: /派\s*单/ },
    { name: '回访', username: 'agent', path: '/callback', button: /回\s*访/ },
  ])('has no critical or serious violation in the $name dialog', async (dialog) => {
    const { page, context } = await openPage(browser());
    await signInQuickly(page, dialog.username, dialog.path);
    await page.locator('.ant-table-row').getByRole('button', { name: dialog.button }).first().click();
    await page.getByRole('dialog').waitFor();
    // axe reads colours as drawn: while the dialog still fades in, its text stands on a greyed background
    await page
      .waitForFunction(
        () =>
          (document.querySelector('.ant-modal')?.getAnimations({ subtree: true }) ?? []).every(
            (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
          ),
        null,
        { timeout: 5_000 },
      )
      .catch(() => undefined);
    const violations = await blockingAxeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await context.close();
  });
});
