import type { BrowserContext, Page } from 'playwright-core';
import { request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { blockingAxeViolations } from './support/axe.js';
import { expectNoPageErrors, openPage, screenshot, sharedBrowser, signInQuickly } from './support/browser.js';
import { caseIdOf, staffApi } from './support/staff-api.js';

const browser = sharedBrowser();
let context: BrowserContext;
let page: Page;
let problems: string[];
/** the key the administrator issues in the console, read off the dialog that shows it once */
let key: string;

beforeAll(async () => {
  ({ context, page, problems } = await openPage(browser()));
  await signInQuickly(page, 'admin', '/open311');
});
afterAll(async () => {
  await context?.close();
});

/** An Open311 call from outside the console (no session), as an integrator's server makes it. */
async function open311(method: 'GET' | 'POST', path: string, form?: Record<string, string>) {
  const outside = await request.newContext({ baseURL: inject('baseUrl') });
  const answer =
    method === 'GET'
      ? await outside.get(`/open311/v2/${path}`)
      : await outside.post(`/open311/v2/${path}`, { form: form ?? {} });
  const body = { status: answer.status(), text: await answer.text(), type: answer.headers()['content-type'] };
  await outside.dispose();
  return body;
}

describe('the open API in the console (开放接口)', () => {
  it('issues an integrator’s key, shows it once, and lists it by its prefix and channel', async () => {
    await page.getByRole('tab', { name: 'API 密钥' }).waitFor();
    await page
      .getByRole('button', { name: /签发密钥/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: '签发 API 密钥' });
    await dialog.getByLabel('接入方').fill('区级随手拍');
    await dialog.getByLabel('渠道编码').fill('qu_suishoupai');
    expect(await blockingAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /签发密钥/ }).click();
    const shown = page.getByTestId('open311-new-key');
    await shown.waitFor();
    key = (await shown.innerText()).trim();
    expect(key).toMatch(/^o311_/);
    await screenshot(page, 'open311-key-once');
    await page.getByRole('button', { name: /我已保存/ }).click();
    await shown.waitFor({ state: 'detached' });
    const row = page.locator('.ant-table-row').filter({ hasText: '区级随手拍' });
    await row.waitFor();
    expect(await row.innerText()).toContain('qu_suishoupai');
    expect(await row.innerText()).toContain(key.slice(0, 11));
    expect(await page.locator('body').innerText()).not.toContain(key);
  });

  it('takes a report made with that key, which the dispatcher reads in the case file with its citizen’s update', async () => {
    const services = JSON.parse((await open311('GET', 'services.json')).text) as {
      service_code: string;
      service_name: string;
    }[];
    const parking = services.find((s) => s.service_name === '挪车')!.service_code;
    const created = await open311('POST', 'requests.xml', {
      api_key: key,
      service_code: parking,
      address_string: '海勃湾区滨河小区东门',
      description: '一辆白色轿车堵住小区东门，车辆无法进出',
      'attribute[plate]': '蒙C12345',
    });
    expect(created.status, created.text).toBe(200);
    expect(created.type).toBe('text/xml; charset=utf-8');
    const number = /<service_request_id>(WH\d+)<\/service_request_id>/.exec(created.text)![1]!;
    const update = await open311('POST', 'servicerequestupdates.json', {
      api_key: key,
      service_request_id: number,
      update_id: 'e2e-1',
      status: 'OPEN',
      updated_datetime: '2026-01-01T10:00:00Z',
      description: '车还在，仍然堵着东门',
    });
    expect(update.status, update.text).toBe(200);

    const dispatcher = await staffApi('dispatcher');
    const id = await caseIdOf(dispatcher, number);
    await dispatcher.dispose();
    const { page: desk, context: deskContext } = await openPage(browser());
    await signInQuickly(desk, 'dispatcher', `/cases/${id}`);
    const events = desk.getByTestId('timeline-event');
    await events.filter({ hasText: '群众补充' }).waitFor();
    expect(await events.first().innerText()).toContain('群众（开放接口·区级随手拍）');
    expect(await events.filter({ hasText: '群众补充' }).innerText()).toContain('车还在，仍然堵着东门');
    expect(await desk.locator('body').innerText()).toContain('【车牌号】蒙C12345');
    await screenshot(desk, 'open311-case-file');
    await deskContext.close();
  });

  it('publishes a catalog leaf as a service from the console', async () => {
    await page.getByRole('tab', { name: '开放服务' }).click();
    await page.getByRole('switch', { name: '只看已发布' }).click();
    await page.getByRole('searchbox', { name: '按事项名称、编码或分组搜索' }).fill('开锁');
    const row = page.locator('.ant-table-row').filter({ hasText: '开锁' }).first();
    await row.getByRole('button', { name: /设\s*置/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('switch').first().click();
    await dialog.getByLabel('分组').fill('生活便民');
    await dialog.getByRole('button', { name: /添加属性/ }).click();
    await dialog.getByLabel('代码').fill('door');
    await dialog.getByLabel('问题').fill('门锁类型');
    expect(await blockingAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('已发布').waitFor();
    const services = JSON.parse((await open311('GET', 'services.json')).text) as {
      service_name: string;
      group: string;
      metadata: boolean;
    }[];
    expect(services.find((s) => s.service_name === '开锁')).toMatchObject({
      group: '生活便民',
      metadata: true,
    });
    await screenshot(page, 'open311-services');
  });

  it('documents the API with examples pointing at this server, and passes axe', async () => {
    await page.getByRole('tab', { name: '接口文档' }).click();
    const example = page.getByTestId('open311-example').first();
    await example.waitFor();
    expect(await example.innerText()).toContain(`BASE=${inject('baseUrl')}/open311/v2`);
    expect(await blockingAxeViolations(page)).toEqual([]);
    expectNoPageErrors(problems);
  });
});
