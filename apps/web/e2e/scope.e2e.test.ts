import { describe, expect, it } from 'vitest';
import {
  expectNoPageErrors,
  openPage,
  screenshot,
  sharedBrowser,
  signIn,
  signInQuickly,
} from './support/browser.js';
import { staffApi } from './support/staff-api.js';

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

  it('offers the grid worker no 直接办结, on a case the agent registered in his grid or on intake (finding 8)', async () => {
    const [agent, grid] = await Promise.all([staffApi('agent'), staffApi('grid')]);
    let created: { id: number; number: string };
    try {
      const me = (await (await grid.get('/api/v1/me')).json()) as { org: { id: number } };
      const org = (await (await grid.get(`/api/v1/orgs/${me.org.id}`)).json()) as {
        center: { lng: number; lat: number };
      };
      const answer = await agent.post('/api/v1/cases', {
        data: {
          source: 'hotline_12345',
          type: 'consultation',
          content: '网格内的咨询：社区老年食堂的开放时间是几点？',
          location: { longitude: org.center.lng, latitude: org.center.lat },
        },
      });
      expect(answer.status(), await answer.text()).toBe(201);
      created = (await answer.json()) as { id: number; number: string };
    } finally {
      await Promise.all([agent.dispose(), grid.dispose()]);
    }

    // the agent is offered 直接办结 on it and 转110 on intake: the buttons exist, so their absence below means something
    const asAgent = await openPage(browser());
    await signInQuickly(asAgent.page, 'agent', `/cases/${created.id}`);
    await asAgent.page.getByRole('button', { name: '直接办结' }).waitFor();
    await asAgent.page.goto('/intake');
    await asAgent.page.getByRole('button', { name: /转\s*110/ }).waitFor();
    await asAgent.context.close();

    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'grid', `/cases/${created.id}`);
    await page.getByText(created.number).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: '直接办结' }).count()).toBe(0);
    // the map of the place draws his own grid (the community above it is not his to read)
    await page.locator('canvas').first().waitFor();
    expect(await page.getByText('加载失败').count()).toBe(0);
    await screenshot(page, 'case-grid-worker');

    // his patrol reports are registered on the intake page, without the agent's knowledge base and 直接办结
    await page.goto('/intake');
    await page.getByLabel('诉求内容').fill('网格巡查发现：小区东门路灯不亮，夜间通行不便。');
    await page.waitForTimeout(1_000);
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('知识库', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '直接办结' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /转\s*110/ }).count()).toBe(0);
    await screenshot(page, 'intake-grid-worker');
    expectNoPageErrors(problems);
    await context.close();
  });
});
