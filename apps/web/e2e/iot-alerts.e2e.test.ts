import { createHmac } from 'node:crypto';
import { request } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageErrors, openPage, screenshot, sharedBrowser, signInQuickly } from './support/browser.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

/** A device of its own for this run, registered by the dispatcher in 滨河花园: its serial and secret. */
async function registerDevice(serial: string): Promise<string> {
  const dispatcher = await staffApi('dispatcher');
  const estates = (await (await dispatcher.get('/api/v1/iot/estates?q=滨河花园')).json()) as {
    items: { id: number }[];
  };
  const created = await dispatcher.post('/api/v1/iot/devices', {
    data: {
      estateId: estates.items[0]!.id,
      type: 'garbage_camera',
      serial,
      vendor: '海康威视',
      point: '北门分类亭',
    },
  });
  expect(created.status()).toBe(201);
  const { secret } = (await created.json()) as { secret: string };
  await dispatcher.dispose();
  return secret;
}

/** Sends an alert as the device does: the body signed with its secret and the time. */
async function sendSignedAlert(serial: string, secret: string, alert: Record<string, unknown>) {
  const device = await request.newContext({ baseURL: inject('baseUrl') });
  const body = JSON.stringify(alert);
  const timestamp = String(Date.now());
  const answer = await device.post('/api/v1/iot/alerts', {
    data: body,
    headers: {
      'content-type': 'application/json',
      'x-shanzhi-device': serial,
      'x-shanzhi-timestamp': timestamp,
      'x-shanzhi-signature': createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex'),
    },
  });
  expect(answer.status()).toBe(201);
  await device.dispose();
}

describe('the 智安小区 alert board', () => {
  it('shows a new alert as it rings in, and dismisses it as a false alarm with the reason', async () => {
    const serial = `E2E-GARB-${Date.now()}`;
    const secret = await registerDevice(serial);
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'dispatcher', '/iot/alerts');
    await page.getByTestId('iot-alerts').waitFor();
    // the live stream is connected before the device speaks
    await page.getByTestId('notification-bell').click();
    await page.getByText('实时推送已连接').waitFor();
    await page.keyboard.press('Escape');

    await sendSignedAlert(serial, secret, {
      alertId: `${serial}-1`,
      type: 'garbage_misplaced',
      severity: 'MINOR',
      raisedAt: new Date().toISOString(),
      description: '未按规定分类投放',
    });
    const row = page.getByTestId('iot-alerts').locator('tr', { hasText: serial });
    await row.getByText('新告警').waitFor();
    await screenshot(page, 'iot-alert-board');

    await row.getByRole('button', { name: '排除误报' }).click();
    const dialog = page.getByRole('dialog', { name: /排除误报/ });
    await dialog.waitFor();
    await dialog.getByLabel('排除原因').fill('保洁员已现场分拣，属误报');
    await dialog.getByRole('button', { name: '排除误报' }).click();
    await row.getByText('已排除').waitFor();
    await row.getByText('保洁员已现场分拣，属误报').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expectNoPageErrors(problems);
    await context.close();
  });
});

describe('the 智安小区 rules page', () => {
  it('tries a rule’s change against the last week’s alerts before saving it', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'dispatcher', '/iot/rules');
    const rules = page.getByTestId('iot-rules');
    await rules.waitFor();
    const row = rules.locator('tr', { hasText: '垃圾未分类投放' }).filter({ hasText: '全部小区' }).first();
    await row.getByText('不升级').waitFor();
    await row.getByRole('button', { name: /编\s?辑/ }).click();
    const dialog = page.getByRole('dialog', { name: /垃圾分类摄像机 · 垃圾未分类投放/ });
    await dialog.waitFor();
    await dialog.getByLabel('升级时限（分钟）').fill('30');
    await dialog.getByRole('button', { name: '试运行' }).click();
    const trial = dialog.getByTestId('iot-rule-trial');
    await trial.getByText('近 7 天告警试运行').waitFor();
    for (const line of ['告警数', '立案数', '自动排除', '仅通知', '抑制合并的重复告警']) {
      await trial.getByText(line, { exact: true }).waitFor();
    }
    await screenshot(page, 'iot-rule-trial');
    // a trial saves nothing
    await dialog.getByRole('button', { name: /关\s?闭/ }).click();
    await row.getByText('不升级').waitFor();
    expectNoPageErrors(problems);
    await context.close();
  });
});
