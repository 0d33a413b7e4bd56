import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from '../../../packages/shared/src/geo/gcj02.js';
import {
  chooseOption,
  expectNoPageErrors,
  openPage,
  pickPointOnMap,
  screenshot,
  sharedBrowser,
  signInQuickly,
} from './support/browser.js';
import { DEMO_PASSWORD } from './support/demo-accounts.js';
import { orgIdByName, staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

const PHONE = '13947305678';
const PHONE_SIZE = { width: 390, height: 844 };
// Each step waits on a real server; on a shared, busy machine a step may take longer than the default.
const STEP_TIMEOUT = 240_000;

/** The middle of the first grid of 海勃湾区, as a phone's GPS (WGS-84) would give it. */
async function pointInHaibowan(): Promise<{ longitude: number; latitude: number }> {
  const api = await staffApi('dispatcher');
  const district = await orgIdByName(api, '海勃湾区');
  const grids = (await (await api.get(`/api/v1/orgs?within=${district}&kind=grid&pageSize=1`)).json()) as {
    items: { center: { lng: number; lat: number } }[];
  };
  await api.dispose();
  const wgs = gcj02ToWgs84(grids.items[0]!.center);
  return { longitude: wgs.lng, latitude: wgs.lat };
}

/** Clicks the order's button named `name` on the merchant's card (and the dialog's confirm, when it asks). */
async function press(page: Page, number: string, name: string): Promise<void> {
  const card = page.getByTestId(`market-order-${number}`);
  await card.getByRole('button', { name: new RegExp(`^${[...name].join('\\s*')}$`) }).click();
}

describe('民需我应: a citizen orders a service and the merchant takes it', () => {
  it(
    'orders 开锁 on the portal, the demo merchant accepts, serves and completes it, and the citizen rates it',
    async () => {
      const citizen = await openPage(browser(), PHONE_SIZE);
      await citizen.context.grantPermissions(['geolocation']);
      await citizen.context.setGeolocation(await pointInHaibowan());
      await citizen.page.goto('/portal/market');
      const form = citizen.page.getByRole('form', { name: '便民服务下单' });
      await form.waitFor({ timeout: 45_000 });
      await chooseOption(citizen.page, form, '服务项目', '开锁');
      await form.getByLabel('锁的类型（门锁/车锁/保险柜）').fill('门锁');
      await form.getByRole('button', { name: '使用当前位置' }).click();
      await form.getByTestId('located').locator('.ant-tag').first().waitFor();
      await form.getByLabel('服务地址').fill('海勃湾区人民路 18 号 3 单元 502');
      await form.getByLabel('联系电话').fill(PHONE);
      await screenshot(citizen.page, 'market-portal-order');
      const placed = citizen.page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/market/orders') && r.request().method() === 'POST',
      );
      await form.getByRole('button', { name: /立即下单/ }).click();
      expect((await placed).status()).toBe(201);
      await citizen.page.waitForURL(/\/portal\/market\/orders\/\d+$/);
      const number = (await citizen.page.getByTestId('market-order-number').innerText()).trim();
      expect(number).toMatch(/^FW\d{14}$/);
      await expect.poll(() => citizen.page.getByTestId('market-state').innerText()).toBe('待接单');

      // the demo merchant's desk shows the offer with its countdown, the caller's phone masked
      const merchant = await openPage(browser(), PHONE_SIZE);
      await merchant.page.goto('/merchant');
      const signIn = merchant.page.getByRole('form', { name: '商户登录' });
      await signIn.getByLabel('用户名').fill('merchant');
      await signIn.getByLabel('密码').fill(DEMO_PASSWORD);
      await signIn.getByRole('button', { name: /商户登录/ }).click();
      const offer = merchant.page.getByTestId(`market-order-${number}`);
      await offer.waitFor({ timeout: 30_000 });
      // the desk listens to the live stream: it no longer looks for offers by itself
      await merchant.page
        .locator('[data-testid="desk-live"][data-status="live"]')
        .waitFor({ timeout: 30_000 });
      await offer.getByTestId('offer-countdown').waitFor();
      expect(await offer.getByTestId('market-phone').innerText()).not.toContain(PHONE);
      await screenshot(merchant.page, 'market-workbench-offer');
      await press(merchant.page, number, '接单');
      await merchant.page.getByRole('tab', { name: '我的订单' }).click();
      const taken = merchant.page.getByTestId(`market-order-${number}`);
      await expect.poll(() => taken.getByTestId('market-state').innerText()).toBe('已接单');
      expect(await taken.getByTestId('market-phone').innerText()).toContain(PHONE);
      await press(merchant.page, number, '出发');
      await expect.poll(() => taken.getByTestId('market-state').innerText()).toBe('在途');
      await press(merchant.page, number, '开始服务');
      await expect.poll(() => taken.getByTestId('market-state').innerText()).toBe('服务中');
      await press(merchant.page, number, '完成');
      const dialog = merchant.page.locator('.ant-modal-confirm');
      await dialog.getByLabel('服务价格（元）').fill('150');
      // 完工照片: a real PNG (a picture of the desk itself will do)
      const photo = await merchant.page.screenshot({ clip: { x: 0, y: 0, width: 390, height: 220 } });
      await dialog
        .locator('input[type=file]')
        .setInputFiles({ name: '完工.png', mimeType: 'image/png', buffer: photo });
      await dialog.locator('.ant-upload-list-item').first().waitFor();
      await dialog.getByRole('button', { name: /完\s*成/ }).click();
      await expect.poll(() => taken.getByTestId('market-state').innerText()).toBe('已完成');
      await taken.getByTestId('market-completion-photo').waitFor();
      await screenshot(merchant.page, 'market-workbench-completed');

      // the citizen's page follows the order, shows the photo and asks for a rating
      const rating = citizen.page.getByTestId('market-rating');
      await rating.waitFor({ timeout: 30_000 });
      await citizen.page.getByTestId('market-completion-photo').waitFor({ timeout: 30_000 });
      await rating.locator('.ant-rate-star').nth(4).click();
      await rating.getByPlaceholder('评价内容（选填）').fill('师傅来得很快');
      await rating.getByRole('button', { name: /提交评价/ }).click();
      await expect.poll(() => citizen.page.getByTestId('market-state').innerText()).toBe('已评价');
      const timeline = await citizen.page.getByTestId('market-timeline').innerText();
      for (const step of ['下单', '派单 · 便民家政服务部', '接单', '出发', '开始服务', '完成服务', '评价']) {
        expect(timeline).toContain(step);
      }
      await screenshot(citizen.page, 'market-portal-rated');

      // a second order rings on the live desk, and leaves it when the citizen cancels it
      const second = await citizen.page.request.post('/api/v1/market/orders', {
        data: {
          itemId: (await (await citizen.page.request.get('/api/v1/market/items')).json()).items.find(
            (i: { code: string }) => i.code === 'unlock',
          ).id,
          address: '海勃湾区人民路 20 号',
          location: await pointInHaibowan(),
          phone: PHONE,
          answers: { lock: '门锁' },
        },
      });
      expect(second.status()).toBe(201);
      const { order: ringing, accessCode } = await second.json();
      await merchant.page.getByRole('tab', { name: /待接单/ }).click();
      const rung = merchant.page.getByTestId(`market-order-${ringing.number}`);
      await rung.waitFor({ timeout: 30_000 });
      const cancelled = await citizen.page.request.post(
        `/api/v1/portal/market/orders/${ringing.id}/actions/cancel`,
        { headers: { 'X-Order-Code': accessCode }, data: { version: ringing.version, reason: '门已打开' } },
      );
      expect(cancelled.status()).toBe(200);
      await rung.waitFor({ state: 'detached', timeout: 30_000 });
      expectNoPageErrors(citizen.problems);
      expectNoPageErrors(merchant.problems);
      await citizen.context.close();
      await merchant.context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'shows the centre the year’s numbers with the merchants ranked, and downloads them as a workbook',
    async () => {
      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'dispatcher', '/market/stats');
      const summary = page.getByTestId('market-stats-summary');
      await expect
        .poll(async () =>
          Number((await summary.locator('.ant-statistic-content').first().innerText()).trim()),
        )
        .toBeGreaterThan(0);
      // the order the first test completed ranks its merchant
      await page.getByTestId('market-stats-ranking').getByText('便民家政服务部').waitFor();
      await page.getByRole('img', { name: '按服务项目' }).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /导出\s*Excel/ }).click();
      expect((await download).suggestedFilename()).toMatch(
        /^便民服务统计_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/,
      );
      await screenshot(page, 'market-stats');
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'lets the 12345 agent order a service for a caller from the intake screen, the call filled in',
    async () => {
      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'agent', '/intake');
      await page.getByLabel('来电号码').fill('13947301234');
      await page.getByLabel('诉求人').fill('刘先生');
      await pickPointOnMap(page, '/api/v1/orgs/locate');
      await page.getByTestId('located').locator('.ant-tag').first().waitFor();
      await page.getByRole('button', { name: /便民下单/ }).click();
      const dialog = page.getByRole('dialog', { name: /便民服务下单/ });
      const form = dialog.getByRole('form', { name: '便民服务下单' });
      await form.waitFor();
      expect(await form.getByLabel('联系电话').inputValue()).toBe('13947301234');
      expect(await form.getByLabel('联系人').inputValue()).toBe('刘先生');
      expect(await form.getByLabel('服务地址').inputValue()).not.toBe('');
      await chooseOption(page, form, '服务项目', '开锁');
      await form.getByLabel('锁的类型（门锁/车锁/保险柜）').fill('门锁');
      const placed = page.waitForResponse((r) => r.url().endsWith('/api/v1/market/hotline-orders'));
      await form.getByRole('button', { name: /立即下单/ }).click();
      expect((await placed).status()).toBe(201);
      await dialog.getByText(/^已下单 FW\d{14}$/).waitFor();
      await screenshot(page, 'market-hotline-order');
      await dialog.getByRole('button', { name: /受理下一通/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.getByLabel('来电号码').inputValue()).toBe('');
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'has the centre find a queued 挪车 order by its number and record the call to the car’s owner',
    async () => {
      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      const items = (await (await page.request.get('/api/v1/market/items')).json()).items;
      const placed = await page.request.post('/api/v1/market/orders', {
        data: {
          itemId: items.find((i: { code: string }) => i.code === 'move_car').id,
          address: '海勃湾区人民路 20 号地下车库入口',
          location: await pointInHaibowan(),
          phone: '13947306789',
          answers: { plate: '蒙L8A123' },
        },
      });
      expect(placed.status()).toBe(201);
      const { number } = (await placed.json()).order;
      await signInQuickly(page, 'dispatcher', '/market/orders');
      await page.getByLabel('订单号、地址或联系电话').fill(number);
      await page.getByLabel('订单号、地址或联系电话').press('Enter');
      const row = page.locator('.ant-table-row', { hasText: number });
      await row.click();
      const drawer = page.locator('.ant-drawer');
      await press(page, number, '联系车主');
      const dialog = page.locator('.ant-modal-confirm');
      await dialog.getByLabel('联系结果（车主答复）').fill('已联系车主，答复 10 分钟内挪车');
      await dialog.getByRole('button', { name: /联系车主/ }).click();
      await expect.poll(() => drawer.getByTestId('market-state').innerText()).toBe('已完成');
      expect(await drawer.getByTestId('market-timeline').innerText()).toContain('已联系车主');
      await screenshot(page, 'market-contact-owner');
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );
});
