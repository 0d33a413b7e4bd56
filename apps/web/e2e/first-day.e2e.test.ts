import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoPageErrors, menuLabels, openPage, sharedBrowser, signInQuickly } from './support/browser.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

/** The API answers refused with 403 while the page works: the console asked for what the role may not read. */
function forbiddenAnswers(page: Page): string[] {
  const refused: string[] = [];
  page.on('response', (response: Response) => {
    if (response.status() === 403 && response.url().includes('/api/')) refused.push(response.url());
  });
  return refused;
}

/** Why a queue row has no button, as the server says it (its idle reason, labelled). */
const IDLE_TEXT = /由.+负责，仅可查看|由.+承办，仅可查看|当前环节无需您办理|请在工单详情中办理/;

/** A case registered by the 12345 agent in a grid of `district`, escalated by its district centre to the city's. */
async function escalatedCaseIn(district: string): Promise<void> {
  const agent = await staffApi('agent');
  const districtId = (await (await agent.get(`/api/v1/orgs?q=${district}&kind=district`)).json()).items[0].id;
  const grids = await (await agent.get(`/api/v1/orgs?kind=grid&within=${districtId}&pageSize=1`)).json();
  const center = grids.items[0].center as { lng: number; lat: number };
  const registered = await agent.post('/api/v1/cases', {
    data: {
      source: 'hotline_12345',
      type: 'complaint',
      content: '两区交界处道路长期积水，需市级协调处理',
      location: { longitude: center.lng, latitude: center.lat },
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const { id, version } = (await registered.json()) as { id: number; version: number };
  const hbw = await staffApi('dispatcher_hbw');
  const escalated = await hbw.post(`/api/v1/cases/${id}/actions/escalate`, {
    data: { version, reason: '涉及两区，需市级协调' },
  });
  expect(escalated.status(), await escalated.text()).toBe(200);
}

describe('the console as a city’s staff find it on their first day (issue 11 §3)', () => {
  it('shows the administrator no work queue he cannot work, and refuses one by its address', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'admin', '/dispatch');
    await page.getByText('无权访问').waitFor();
    const menu = await menuLabels(page);
    for (const queue of ['派单中心', '承办工作台', '督办', '回访']) expect(menu).not.toContain(queue);
    expect(menu).toContain('工单查询');
    expectNoPageErrors(problems);
    await context.close();
  });

  it('gives every row of the district dispatcher’s 待派单 a button or the server’s reason why not', async () => {
    await escalatedCaseIn('150302');
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'dispatcher_hbw', '/dispatch');
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    let reasons = 0;
    for (const row of await rows.all()) {
      const cell = row.locator('td').last();
      const buttons = await cell.getByRole('button').count();
      if (buttons > 0) continue;
      expect(await cell.innerText()).toMatch(IDLE_TEXT);
      reasons++;
    }
    // a case of 海勃湾区 his centre escalated belongs to the city's centre now: his to read, not to dispatch
    expect(reasons).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText(/由乌海市.+负责，仅可查看/).count(), { timeout: 5_000 })
      .toBeGreaterThan(0);
    expectNoPageErrors(problems);
    await context.close();
  });

  it('lists on 督办 only open cases, each with its 督办 button', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'supervisor', '/supervision');
    for (const tab of [/超期/, /预警/]) {
      await page.getByRole('tab', { name: tab }).click();
      const pane = page.locator('.ant-tabs-tabpane-active');
      await pane.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();
      for (const row of await pane.locator('.ant-table-row').all()) {
        expect(await row.getByRole('button', { name: /督\s*办/ }).count()).toBe(1);
        expect(await row.innerText()).not.toMatch(/已结案|待回访|待审核|已回访/);
      }
    }
    expectNoPageErrors(problems);
    await context.close();
  });

  it.each(['handler_wd', 'grid'])(
    'shows %s only the cards he can act on, and counts the rest of his area aside',
    async (user) => {
      const { page, context, problems } = await openPage(browser());
      await signInQuickly(page, user, '/workbench');
      await page.locator('.ant-card, .ant-empty').first().waitFor();
      const cards = page.locator('.ant-col .ant-card');
      for (const card of await cards.all()) expect(await card.getByRole('button').count()).toBeGreaterThan(0);
      const aside = page.getByText(/另有 \d+ 件辖区工单/);
      if ((await aside.count()) > 0) {
        await page.getByRole('button', { name: '一并显示' }).click();
        await expect.poll(() => page.getByText(IDLE_TEXT).count(), { timeout: 5_000 }).toBeGreaterThan(0);
      }
      expectNoPageErrors(problems);
      await context.close();
    },
  );

  it('opens 派单 with the lead unit of the case’s category filled in', async () => {
    // a case of its own, registered with a category that names its lead unit (other files dispatch the demo's)
    const agent = await staffApi('agent');
    const categories = (await (await agent.get('/api/v1/catalog/categories?level=3')).json()) as {
      items: { id: number; defaultUnitName: string | null }[];
    };
    const category = categories.items.find((c) => c.defaultUnitName);
    if (!category) throw new Error('no category names its lead unit');
    const registered = await agent.post('/api/v1/cases', {
      data: {
        source: 'hotline_12345',
        type: 'complaint',
        content: '小区门口路灯不亮已一周',
        categoryId: category.id,
      },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    const target = (await registered.json()) as { number: string };
    await agent.dispose();
    const unit = category.defaultUnitName!;

    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'dispatcher', `/dispatch?q=${target.number}`);
    const row = page.locator('.ant-table-row', { hasText: target.number });
    await row.getByRole('button', { name: /派\s*单/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-select-selection-item', { hasText: unit }).first().waitFor();
    expectNoPageErrors(problems);
    await context.close();
  });

  it('keeps the dispatch centre’s search through a change of queue, and what is typed after it', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'dispatcher', '/dispatch');
    const box = page.getByLabel('工单编号或关键词');
    await box.fill('漏水');
    await box.press('Enter');
    await page.waitForURL(/q=/);
    await page.getByRole('tab', { name: /退单待处理/ }).click();
    await expect.poll(() => box.inputValue(), { timeout: 5_000 }).toBe('漏水');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('漏水');
    // a number typed at once after the switch stays where it was typed
    await page.getByRole('tab', { name: /待派单/ }).click();
    await box.fill('');
    await box.pressSequentially('WH2026');
    await page.waitForTimeout(800);
    expect(await box.inputValue()).toBe('WH2026');
    expectNoPageErrors(problems);
    await context.close();
  });

  it.each(['handler', 'grid'])(
    'draws the org map for %s without asking for orgs above his own',
    async (user) => {
      const { page, context, problems } = await openPage(browser());
      const refused = forbiddenAnswers(page);
      await signInQuickly(page, user, '/orgs');
      await page.locator('.ant-tree-treenode').filter({ hasText: /\S/ }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByText('加载失败').count()).toBe(0);
      expect(await page.getByText('无权执行此操作').count()).toBe(0);
      expect(refused).toEqual([]);
      // the administrators' org codes (unit.housing) are not shown to him
      expect(await page.locator('body').innerText()).not.toMatch(/\bunit\.[a-z_]+/);
      expectNoPageErrors(problems);
      await context.close();
    },
  );

  it.each(['citizen', 'merchant'])(
    'keeps the %s out of the staff console, pointing to the portal',
    async (user) => {
      const { page, context } = await openPage(browser());
      const refused = forbiddenAnswers(page);
      await page.goto('/login');
      await page.getByLabel('用户名').fill(user);
      await page.getByLabel('密码').fill('Shanzhi@2026');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByText('此处仅供工作人员登录').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.getByRole('link', { name: '前往群众服务门户' }).click();
      await page.waitForURL(/\/portal/);
      // and a session of his own that reaches the console anyway is sent to the portal too
      const answer = await page.request.post('/api/v1/auth/login', {
        data: { username: user, password: 'Shanzhi@2026' },
      });
      expect(answer.status()).toBe(200);
      await page.goto('/catalog');
      await page.getByRole('link', { name: '前往群众服务门户' }).waitFor();
      expect(await page.getByRole('navigation', { name: '主菜单' }).count()).toBe(0);
      expect(refused).toEqual([]);
      await context.close();
    },
  );

  it('speaks Chinese where codes leaked: permissions, the ranking’s file, a too long user name', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'admin', '/roles');
    const matrix = page.locator('.ant-table').first();
    await matrix.getByText('消息通知').first().waitFor({ timeout: 30_000 });
    const text = await matrix.innerText();
    expect(text).not.toMatch(/\b(notification|kpi|intelligence|warning|case|org|user)\b/);
    expect(text).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
    expect(text).toContain('消息通知');

    await page.goto('/measures');
    const exportButton = page.getByRole('button', { name: '导出排名' }).first();
    await expect.poll(() => exportButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    const download = page.waitForEvent('download');
    await exportButton.click();
    expect((await download).suggestedFilename()).toMatch(
      /^考核排名_承办单位_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expectNoPageErrors(problems);
    await context.close();

    const login = await openPage(browser());
    await login.page.goto('/login');
    await login.page.getByLabel('用户名').fill('a'.repeat(80));
    await login.page.getByLabel('密码').fill('x');
    await login.page.getByRole('button', { name: /登\s*录/ }).click();
    await login.page.getByText('不能超过 64 个字符').waitFor();
    expect(await login.page.getByText(/string|<=/).count()).toBe(0);
    await login.context.close();
  });
});
