import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoPageErrors, launchBrowser, openPage, screenshot } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = '13947301234';

describe('the citizen portal on a phone', () => {
  it('shows the field error of a bad phone, then submits and tracks the case by number and phone', async () => {
    const { page, context, problems } = await openPage(browser, { width: 390, height: 844 });
    await page.goto('/portal');
    // no staff menu on the portal
    expect(await page.getByRole('navigation', { name: '主菜单' }).count()).toBe(0);
    const form = page.getByRole('form', { name: '我要反映' });
    // the first visit loads the portal's chunk; a busy CI machine may take a while
    await form.waitFor({ timeout: 45_000 });
    await form
      .getByLabel('诉求内容')
      .fill('小区门口的路灯已经坏了一个多星期，晚上出行很不安全，请尽快维修。');
    await form.getByLabel('事发地址').fill('海勃湾区新华街道滨河小区南门');
    await form.getByLabel('联系电话').fill('12345');
    await form.getByRole('button', { name: /提交诉求/ }).click();
    await form.getByText('请填写正确的手机号或座机号').waitFor();
    await screenshot(page, 'portal-submit-error');

    await form.getByLabel('联系电话').fill(PHONE);
    await form.getByRole('button', { name: /提交诉求/ }).click();
    const numberText = page.getByTestId('portal-case-number');
    await numberText.waitFor();
    const number = (await numberText.innerText()).trim();
    expect(number).toMatch(/^WH\d{14}$/);
    await screenshot(page, 'portal-submitted');

    // the wrong phone finds nothing, and says only that
    await page.getByRole('tab', { name: '进度查询' }).click();
    const track = page.getByRole('form', { name: '进度查询' });
    await track.getByLabel('工单编号').fill(number);
    await track.getByLabel('联系电话').fill('13900000000');
    await track.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('未找到该工单，请核对工单编号和联系电话').waitFor();

    await track.getByLabel('联系电话').fill(PHONE);
    await track.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('已受理登记').waitFor();
    const card = page.locator('.ant-card').filter({ hasText: number }).last();
    expect(await card.innerText()).toContain('139****1234');
    await screenshot(page, 'portal-track');

    await page.getByRole('tab', { name: '常见问题' }).click();
    await page.locator('.ant-collapse-item').first().waitFor();
    await screenshot(page, 'portal-faq');
    expectNoPageErrors(problems);
    await context.close();
  });
});
