import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  expectNoPageErrors,
  launchBrowser,
  openPage,
  pickPointOnMap,
  screenshot,
  signInQuickly,
  tick,
} from './support/browser.js';
import { buttonName } from './support/lifecycle-actions.js';

// One browser, one signed-in context per role: the case travels between desks as it would in the city.
let browser: Browser;
const desks: Record<string, { context: BrowserContext; page: Page; problems: string[] }> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  for (const user of ['agent', 'dispatcher', 'handler']) {
    const desk = await openPage(browser);
    // a busy shared machine makes a page slow to load; patience here is not a speed assertion
    desk.context.setDefaultTimeout(60_000);
    desk.context.setDefaultNavigationTimeout(60_000);
    await signInQuickly(desk.page, user);
    desks[user] = desk;
  }
}, 180_000);
afterAll(async () => {
  for (const desk of Object.values(desks)) await desk.context.close();
  await browser?.close();
});

const pageOf = (user: string) => desks[user]!.page;

// Each step waits on a real server; on a shared, busy machine a step may take longer than the default.
const STEP_TIMEOUT = 180_000;

const isActionPost = (r: Request) => r.url().includes('/actions/') && r.method() === 'POST';

/**
 * Clicks the confirm button of the open action dialog and waits for it to close. A click that sends nothing (lost
 * while the dialog still zooms in) is repeated until the action is sent, never once it is.
 */
async function confirm(page: Page, action: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  let sent = false;
  const onRequest = (r: Request) => {
    if (isActionPost(r)) sent = true;
  };
  page.on('request', onRequest);
  try {
    const answer = page.waitForResponse((r) => isActionPost(r.request()));
    await vi.waitFor(
      async () => {
        if (!sent) await dialog.getByRole('button', { name: buttonName(action) }).click({ timeout: 5_000 });
        await expect.poll(() => sent, { timeout: 5_000 }).toBe(true);
      },
      { timeout: 60_000, interval: 500 },
    );
    expect((await answer).status()).toBe(200);
  } finally {
    page.off('request', onRequest);
  }
  await dialog.waitFor({ state: 'hidden' });
}

/** Picks a unit in the dialog's unit picker by searching its name. */
async function pickUnit(page: Page, field: string, search: string, name: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(field).click();
  const searched = page.waitForResponse((r) => r.url().includes('/api/v1/orgs?') && r.url().includes('q='));
  await dialog.getByLabel(field).fill(search);
  await searched;
  await page.locator('.ant-select-tree-title', { hasText: name }).first().click();
}

async function registerOnIntake(page: Page, request: { phone: string; title: string; content: string }) {
  await page.goto('/intake');
  await page.getByLabel('来电号码').fill(request.phone);
  await page.getByLabel('诉求人').fill('张先生');
  await page.getByLabel('标题').fill(request.title);
  await page.getByLabel('诉求内容').fill(request.content);
  await page.getByLabel('事发地址').fill('海勃湾区滨河小区3号楼');
}

async function registeredNumber(page: Page): Promise<{ number: string; id: number }> {
  const number = (await page.getByTestId('case-number').innerText()).match(/WH\d+/)?.[0];
  if (!number) throw new Error('no case number on the page');
  const href = await page.getByRole('link', { name: buttonName('查看工单') }).getAttribute('href');
  return { number, id: Number(href?.split('/').at(-1)) };
}

/** Narrows the queue or workbench on the page to one case by typing its number into the search box. */
async function searchFor(page: Page, number: string): Promise<void> {
  const box = page.getByLabel('工单编号或关键词');
  await box.fill(number);
  await box.press('Enter');
}

function rowOf(page: Page, number: string): Locator {
  return page.locator('.ant-table-row', { hasText: number });
}

function cardOf(page: Page, number: string): Locator {
  return page
    .locator('.ant-card', { hasText: number })
    .filter({ has: page.locator('.ant-card-head') })
    .last();
}

let lifecycle: { number: string; id: number };

describe('the lifecycle of a case across desks, through the UI only', () => {
  it(
    'agent: a bad form shows the field error, then registers with the map and Ctrl+Enter',
    async () => {
      const page = pageOf('agent');
      await page.goto('/intake');
      await page.getByLabel('来电号码').fill('1390');
      await page.getByRole('button', { name: /登记/ }).click();
      await page.getByText('联系电话格式不正确').waitFor();
      await page.getByText('请填写诉求内容').waitFor();
      await screenshot(page, 'intake-errors');

      await registerOnIntake(page, {
        phone: '13912345678',
        title: '楼道堆放杂物存在消防隐患',
        content: '小区3号楼楼道内长期堆放杂物，存在消防隐患，物业不予处理，请相关部门督促清理。',
      });
      await pickPointOnMap(page, '/api/v1/orgs/locate');
      await page.getByTestId('located').locator('.ant-tag').first().waitFor();
      await screenshot(page, 'intake-form');
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST',
      );
      await page.getByLabel('诉求内容').press('Control+Enter');
      expect((await created).status()).toBe(201);
      await page.getByText('登记成功').waitFor();
      lifecycle = await registeredNumber(page);
      expect(lifecycle.number).toMatch(/^WH\d{14}$/);
      await screenshot(page, 'intake-registered');
    },
    STEP_TIMEOUT,
  );

  it(
    'dispatcher: dispatches it to the housing bureau from the 待派单 queue',
    async () => {
      const page = pageOf('dispatcher');
      await page.goto('/dispatch');
      // the whole queue first, as the dispatcher finds it in the morning
      await rowOf(page, lifecycle.number).waitFor();
      await screenshot(page, 'dispatch-queue');
      await searchFor(page, lifecycle.number);
      const row = rowOf(page, lifecycle.number);
      await row.waitFor();
      await row.getByRole('button', { name: buttonName('派单') }).click();
      await pickUnit(page, '主办单位', '住房和城乡', '乌海市住房和城乡建设局');
      await page.getByRole('dialog').getByLabel('派单意见').fill('请于时限内核实处理并答复群众');
      await screenshot(page, 'dispatch-dialog');
      await confirm(page, '派单');
      await row.waitFor({ state: 'detached' });
    },
    STEP_TIMEOUT,
  );

  it(
    'handler: accepts it on the workbench and replies with a template',
    async () => {
      const page = pageOf('handler');
      await page.goto('/workbench');
      await cardOf(page, lifecycle.number).waitFor();
      await screenshot(page, 'workbench');
      await searchFor(page, lifecycle.number);
      const card = cardOf(page, lifecycle.number);
      await card.waitFor();
      await card.getByRole('button', { name: buttonName('签收') }).click();
      await confirm(page, '签收');
      // the workbench works on a phone too
      await page.setViewportSize({ width: 390, height: 844 });
      await card.getByRole('button', { name: buttonName('办结反馈') }).waitFor();
      await screenshot(page, 'workbench-phone');
      await page.setViewportSize({ width: 1440, height: 900 });
      await card.getByRole('button', { name: buttonName('办结反馈') }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('答复模板').click();
      await dialog.getByLabel('答复模板').fill('通用·已办结');
      await page.locator('.ant-select-item-option', { hasText: '通用·已办结' }).first().click();
      await expect.poll(() => dialog.getByLabel('办结内容').inputValue()).toContain(lifecycle.number);
      await screenshot(page, 'workbench-reply');
      await confirm(page, '办结反馈');
    },
    STEP_TIMEOUT,
  );

  it(
    'dispatcher: approves the reply from the 待审核 queue',
    async () => {
      const page = pageOf('dispatcher');
      await page.goto('/dispatch?queue=replied');
      await searchFor(page, lifecycle.number);
      const row = rowOf(page, lifecycle.number);
      await row.getByRole('button', { name: buttonName('审核通过') }).click();
      await confirm(page, '审核通过');
    },
    STEP_TIMEOUT,
  );

  it(
    'agent: records the callback and closes the case; the timeline shows every step',
    async () => {
      const page = pageOf('agent');
      await page.goto(`/cases/${lifecycle.id}`);
      await page.getByRole('button', { name: buttonName('回访') }).click();
      const dialog = page.getByRole('dialog');
      // each answer is ticked until it reads ticked: one missed while the dialog zooms in leaves the form unsent
      const answer = async (question: string, choice: string) => {
        const item = dialog.locator('.ant-form-item', { hasText: question });
        await tick(
          item.getByRole('radio', { name: choice, exact: true }),
          item.getByText(choice, { exact: true }),
        );
      };
      await answer('回访是否接通', '是');
      await answer('承办单位是否联系', '是');
      await answer('问题是否解决', '是');
      await answer('满意度', '满意');
      await confirm(page, '回访');
      await page.getByRole('button', { name: buttonName('结案') }).click();
      await confirm(page, '结案');
      await page.getByText('已结案').first().waitFor();
      await page.getByTestId('timeline-verified').waitFor();
      const actions = await page
        .getByTestId('timeline-event')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
      expect(actions).toEqual(['register', 'dispatch', 'accept', 'reply', 'review', 'callback', 'close']);
      await screenshot(page, 'case-detail');
    },
    STEP_TIMEOUT,
  );
});

describe('a return and a re-dispatch', () => {
  it(
    'handler returns a mis-routed case; the dispatcher re-dispatches it to the right unit',
    async () => {
      const agent = pageOf('agent');
      await registerOnIntake(agent, {
        phone: '13812340000',
        title: '人行道占道经营',
        content: '步行街人行道上有商户长期占道经营，行人无法通行。',
      });
      await agent.getByRole('button', { name: /登记/ }).click();
      await agent.getByText('登记成功').waitFor();
      const mistaken = await registeredNumber(agent);

      const dispatcher = pageOf('dispatcher');
      await dispatcher.goto('/dispatch');
      await searchFor(dispatcher, mistaken.number);
      await rowOf(dispatcher, mistaken.number)
        .getByRole('button', { name: buttonName('派单') })
        .click();
      // the housing bureau is now among the recently used units
      await pickUnit(dispatcher, '主办单位', '住房和城乡', '乌海市住房和城乡建设局');
      await confirm(dispatcher, '派单');

      const handler = pageOf('handler');
      await handler.goto('/workbench');
      await searchFor(handler, mistaken.number);
      await cardOf(handler, mistaken.number)
        .getByRole('button', { name: buttonName('退单') })
        .click();
      await handler.getByRole('dialog').getByLabel('退单理由').fill('占道经营属城市管理综合行政执法局职责');
      await confirm(handler, '退单');
      await cardOf(handler, mistaken.number).waitFor({ state: 'detached' });

      await dispatcher.goto('/dispatch?queue=returned');
      await searchFor(dispatcher, mistaken.number);
      const row = rowOf(dispatcher, mistaken.number);
      await row.waitFor();
      await screenshot(dispatcher, 'dispatch-returned');
      await row.getByRole('button', { name: buttonName('派单') }).click();
      await pickUnit(dispatcher, '主办单位', '城市管理', '乌海市城市管理综合行政执法局');
      await confirm(dispatcher, '派单');

      await dispatcher.goto(`/cases/${mistaken.id}`);
      await dispatcher.getByText('乌海市城市管理综合行政执法局').first().waitFor();
      const actions = await dispatcher
        .getByTestId('timeline-event')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
      expect(actions).toEqual(['register', 'dispatch', 'return', 'dispatch']);
      for (const desk of Object.values(desks)) expectNoPageErrors(desk.problems);
    },
    STEP_TIMEOUT,
  );
});
