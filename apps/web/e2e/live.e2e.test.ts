import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectNoPageErrors,
  openPage,
  screenshot,
  sharedBrowser,
  signInQuickly,
} from './support/browser.js';
import { act, orgIdByName, staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

/** The unread count on the bell of the top bar (0 when the badge shows none). */
async function unreadCount(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-bell').locator('.ant-badge-count');
  if ((await badge.count()) === 0) return 0;
  return Number((await badge.getAttribute('title')) ?? (await badge.innerText()));
}

describe('the console stays live', () => {
  it('rings the handler’s bell and shows a new dispatch on the workbench, without a reload', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'handler', '/workbench');
    // the live stream is connected before anything happens
    await page.getByTestId('notification-bell').click();
    await page.getByText('实时推送已连接').waitFor();
    await page.keyboard.press('Escape');
    const before = await unreadCount(page);

    const [agent, dispatcher] = await Promise.all([staffApi('agent'), staffApi('dispatcher')]);
    const created = await agent.post('/api/v1/cases', {
      data: {
        source: 'hotline_12345',
        type: 'complaint',
        priority: 'normal',
        content: '4号楼单元门门禁损坏，外来人员随意进出，请物业尽快维修。',
        citizenName: '孙女士',
        citizenPhone: '13947309999',
        anonymous: false,
        keepPrivate: false,
        address: '海勃湾区新华街道滨河小区4号楼',
      },
    });
    expect(created.status()).toBe(201);
    const { id, number } = (await created.json()) as { id: number; number: string };
    await act(dispatcher, id, 'dispatch', {
      leadUnitId: await orgIdByName(dispatcher, '乌海市住房和城乡建设局'),
    });
    await Promise.all([agent.dispose(), dispatcher.dispose()]);

    // a toast, one more unread and the case on the workbench, on the page as it was
    await page.getByText('新通知').first().waitFor();
    await expect.poll(() => unreadCount(page)).toBe(before + 1);
    await page.locator('.ant-card', { hasText: number }).first().waitFor();
    await page.getByTestId('notification-bell').click();
    await page.locator('.ant-dropdown').getByText(number).first().waitFor();
    await screenshot(page, 'notifications-live');
    expectNoPageErrors(problems);
    await context.close();
  });

  it('sends a user whose session ended to the login page and back to where they were', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'dispatcher', '/dispatch?queue=returned');
    await page.getByRole('tab', { name: /退单待处理/ }).waitFor();
    // the session ends on the server (an administrator, the idle timeout …) while the page stays open
    expect((await page.request.post('/api/v1/auth/logout')).status()).toBe(204);
    const redirected = page.waitForURL((url) => url.pathname === '/login');
    // the next call with the dead session is answered 401: a refresh, or the live stream reconnecting first
    await page
      .getByRole('button', { name: /刷\s*新/ })
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await redirected;
    await page.getByText('登录已过期，请重新登录').waitFor();
    await screenshot(page, 'login-expired');

    await page.getByLabel('用户名').fill('dispatcher');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(
      (url) => url.pathname === '/dispatch' && url.searchParams.get('queue') === 'returned',
    );
    await page.getByRole('navigation', { name: '主菜单' }).waitFor();
    expectNoPageErrors(problems);
    await context.close();
  });
});
