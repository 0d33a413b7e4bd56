import { describe, expect, it } from 'vitest';
import { expectNoPageErrors, openPage, screenshot, sharedBrowser, signIn } from './support/browser.js';
import { orgIdByName, staffApi } from './support/staff-api.js';

const browser = sharedBrowser();
const FIRST = 'Harbor-Lantern-47';
const SECOND = 'Quarry-Kestrel-82';

describe('a staff member’s own password', () => {
  it('is changed from the top bar: wrong current and weak new passwords are named, then the new one signs in', async () => {
    const admin = await staffApi('admin');
    const created = await admin.post('/api/v1/users', {
      data: {
        username: 'e2e_account',
        displayName: '改密测试员',
        orgId: await orgIdByName(admin, '乌海市'),
        password: FIRST,
        roles: ['handler'],
      },
    });
    expect(created.status(), await created.text()).toBe(201);

    const { page, context, problems } = await openPage(browser());
    await signIn(page, 'e2e_account', FIRST);
    await page.getByRole('button', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill('Not-My-Password-1');
    await dialog.getByLabel('新密码', { exact: true }).fill('qwerty123');
    await dialog.getByLabel('确认新密码').fill('qwerty123');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(['当前密码不正确']);

    await dialog.getByLabel('当前密码').fill(FIRST);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual([expect.stringContaining('密码强度不足')]);
    await screenshot(page, 'change-password-weak');

    await dialog.getByLabel('新密码', { exact: true }).fill(SECOND);
    await dialog.getByLabel('确认新密码').fill(SECOND);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await signIn(page, 'e2e_account', SECOND);
    expectNoPageErrors(problems);
    await context.close();
  });
});
