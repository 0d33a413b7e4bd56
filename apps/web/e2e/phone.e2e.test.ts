import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { wgs84ToGcj02 } from '../../../packages/shared/src/geo/gcj02.js';
import { completeCreditCode } from '../../../packages/shared/src/grid/credit-code.js';
import { recordVisitUpload } from '../src/features/grid-phone/grid-uploads.js';
import { blockingAxeViolations } from './support/axe.js';
import { DEMO_PASSWORD, expectNoPageErrors, launchBrowser, screenshot } from './support/browser.js';
import { staffApi } from './support/staff-api.js';

// The demo grid worker on a phone: a 390 × 844 touch screen that lets the page read its position, which the
// test moves along a walk through his grid with `context.setGeolocation`.
const PHONE = { width: 390, height: 844 };
// Each step waits on a real server; on a shared, busy machine a step may take longer than the default.
const STEP_TIMEOUT = 240_000;
const METRE_LAT = 1 / 111_195;

let browser: Browser;
let grid: APIRequestContext;
let dispatcher: APIRequestContext;
let phone: { context: BrowserContext; page: Page; problems: string[] };
let me: { user: { id: number }; org: { id: number; name: string } };
let centre: { lng: number; lat: number };
let admissionItem: string;
let admissionCode: string;
/** two households of his grid, the first visited online, the second offline */
let households: { id: number; address: string; label: string }[];

/**
 * The WGS-84 position a phone's GPS reports at `north`/`east` metres from the grid's centre (the platform's
 * maps are GCJ-02: the phone app shifts what the phone says by the national offset, so the test undoes it).
 */
function positionAt(north: number, east = 0) {
  const gcj = {
    lng: centre.lng + (east * METRE_LAT) / Math.cos((centre.lat * Math.PI) / 180),
    lat: centre.lat + north * METRE_LAT,
  };
  let wgs = { ...gcj };
  for (let i = 0; i < 3; i++) {
    const shifted = wgs84ToGcj02(wgs);
    wgs = { lng: wgs.lng - (shifted.lng - gcj.lng), lat: wgs.lat - (shifted.lat - gcj.lat) };
  }
  return { longitude: wgs.lng, latitude: wgs.lat, accuracy: 8 };
}

/** The worker's findings as the server has them (his own, newest first). */
async function findingsOnServer(): Promise<
  { id: number; description: string; state: string; caseId: number | null }[]
> {
  const answer = await grid.get('/api/v1/grid/findings?reporter=me&limit=200');
  expect(answer.status()).toBe(200);
  return (await answer.json()).items;
}

/** The visits to a house the server has with `note`. */
async function visitsOnServer(
  houseId: number,
  note: string,
): Promise<{ id: number; purpose: string; photos: unknown[] }[]> {
  const answer = await grid.get(`/api/v1/grid/visits?houseId=${houseId}&limit=100`);
  expect(answer.status()).toBe(200);
  const visits: { id: number; note: string; purpose: string; photos: unknown[] }[] = (await answer.json())
    .items;
  return visits.filter((visit) => visit.note === note);
}

async function lastPatrolOnServer() {
  const answer = await grid.get(`/api/v1/grid/patrols?workerUserId=${me.user.id}&limit=1`);
  return (await answer.json()).items[0] as
    | { id: number; state: string; pointCount: number; findingCount: number; distanceMeters: number }
    | undefined;
}

/** A real picture for the photo fields: the phone's own screen. */
async function photoOf(page: Page) {
  return { name: 'scene.png', mimeType: 'image/png', buffer: await page.screenshot() };
}

/** The link to the list of what waits, whose name says how many uploads wait. */
const outboxLink = (page: Page) => page.getByRole('link', { name: /^待发送 \d+ 条$/ });

async function waitingCount(page: Page): Promise<number> {
  const name = (await outboxLink(page).getAttribute('aria-label')) ?? '';
  return Number(name.match(/\d+/)?.[0] ?? Number.NaN);
}

/** Walks `steps` steps of 25 m north from `from` metres, one fix every 1.5 s as a phone gives them. */
async function walk(page: Page, from: number, steps: number): Promise<number> {
  let at = from;
  for (let i = 0; i < steps; i++) {
    at += 25;
    await phone.context.setGeolocation(positionAt(at, 10));
    await page.waitForTimeout(1_500);
  }
  return at;
}

/** The number the patrol card shows under 轨迹点. */
async function trackPoints(page: Page): Promise<number> {
  const value = page
    .locator('.ant-statistic')
    .filter({ hasText: '轨迹点' })
    .locator('.ant-statistic-content');
  return Number(await value.innerText());
}

/** Picks `text` in the antd select labelled `label`, searching for it. */
async function pick(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.getByLabel(label).fill(text);
  await page.locator('.ant-select-item-option', { hasText: text }).first().click();
}

/**
 * Reports a finding on the 上报 tab: its description, the admission-list item, a photo, the GPS place, and
 * what to do with it — solved on the spot with a photo after, or reported up.
 */
async function reportFinding(page: Page, description: string, disposal: 'solve' | 'up'): Promise<void> {
  await page.getByRole('navigation', { name: '手机端导航' }).getByRole('link', { name: '上报' }).click();
  await page.getByLabel('情况描述').fill(description);
  await pick(page, '网格事项', admissionItem);
  await page.getByLabel('现场照片').setInputFiles(await photoOf(page));
  await page.getByRole('img', { name: '第 1 张照片' }).waitFor();
  await page.getByText(/已定位（精度 ±\d+ 米）/).waitFor();
  if (disposal === 'solve') {
    await page.locator('label.ant-radio-button-wrapper', { hasText: '就地解决' }).click();
    await page.getByLabel('处置情况').fill('已现场处理完毕');
    await page.getByLabel('处置后照片').setInputFiles(await photoOf(page));
    await page.getByRole('img', { name: '第 1 张照片' }).nth(1).waitFor();
  } else {
    await page.locator('label.ant-radio-button-wrapper', { hasText: '上报' }).click();
    await page.getByLabel('上报说明').fill('需职能部门处理');
  }
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await page.waitForURL('**/m/findings');
}

/** Opens a household from the 住户 tab, searching its address first when `search`. */
async function openHousehold(page: Page, house: { address: string; label: string }, search: boolean) {
  await page.getByRole('navigation', { name: '手机端导航' }).getByRole('link', { name: '住户' }).click();
  await page.getByRole('heading', { name: '我的住户' }).waitFor();
  if (search) {
    await page.getByRole('searchbox', { name: '搜索住户地址' }).fill(house.address);
    await page.getByRole('searchbox', { name: '搜索住户地址' }).press('Enter');
  }
  await page
    .getByRole('link')
    .filter({ has: page.getByText(house.label, { exact: true }) })
    .first()
    .click();
  await page.getByRole('heading', { name: house.label }).waitFor();
}

/** 入户走访 on the household's page the phone shows: its purpose, what the worker learned, a photo if asked. */
async function recordVisit(page: Page, purpose: string, note: string, withPhoto = false): Promise<void> {
  await page.getByRole('button', { name: '入户走访' }).click();
  const dialog = page.getByRole('dialog', { name: /^入户走访：/ });
  await dialog.getByLabel('走访事由').click();
  await page.locator('.ant-select-item-option', { hasText: purpose }).click();
  await dialog.getByLabel('走访情况').fill(note);
  if (withPhoto) {
    await dialog.getByLabel('走访照片').setInputFiles(await photoOf(page));
    await dialog.getByRole('img', { name: '第 1 张照片' }).waitFor();
  }
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  browser = await launchBrowser();
  [grid, dispatcher] = await Promise.all([staffApi('grid'), staffApi('dispatcher')]);
  me = await (await grid.get('/api/v1/me')).json();
  const org = await (await grid.get(`/api/v1/orgs/${me.org.id}`)).json();
  centre = org.center;
  const list = await (await grid.get('/api/v1/catalog/grid-items')).json();
  admissionItem = list.categories[0].items[0].name;
  admissionCode = list.categories[0].items[0].code;
  households = (await (await grid.get('/api/v1/grid/houses?pageSize=2')).json()).items;
  expect(households).toHaveLength(2);
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['geolocation'],
    geolocation: positionAt(0),
  });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  phone = { context, page, problems };
}, 120_000);

afterAll(async () => {
  await phone?.context.close();
  await Promise.all([grid?.dispose(), dispatcher?.dispose()]);
  await browser?.close();
});

describe('the grid worker’s phone app', () => {
  it(
    'lands the grid worker on it after the normal login, installable, with its shell kept for offline use',
    async () => {
      const { page } = phone;
      await page.goto('/login');
      await page.getByLabel('用户名').fill('grid');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL('**/m/');
      await page.getByRole('navigation', { name: '手机端导航' }).waitFor();
      await page.getByRole('button', { name: /开始巡查/ }).waitFor();
      expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/phone.webmanifest');
      const manifest = await (await page.request.get('/phone.webmanifest')).json();
      expect(manifest).toMatchObject({ start_url: '/m/', scope: '/m/', display: 'standalone' });
      const worker = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.active?.scriptURL ?? null;
      });
      expect(worker).toMatch(/\/phone-sw\.js$/);
      // the shell is kept: index.html and the phone's own screens are in the service worker's cache
      const shell = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names.find((n) => n.startsWith('shanzhi-phone-shell-')) ?? '');
        return (await cache.keys()).map((request) => new URL(request.url).pathname);
      });
      expect(shell).toContain('/index.html');
      expect(shell.some((path) => /\/assets\/ReportFindingPage-[\w-]+\.js$/.test(path))).toBe(true);
      expect(shell.some((path) => /\/assets\/DispatchPage-[\w-]+\.js$/.test(path))).toBe(false);
      expect(await blockingAxeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-patrol-idle');
    },
    STEP_TIMEOUT,
  );

  it(
    'patrols, solves one finding on the spot, reports another up as a case the dispatcher sees and visits a household',
    async () => {
      const { page, problems } = phone;
      const before = await findingsOnServer();
      await page.getByRole('button', { name: /开始巡查/ }).click();
      await page.getByText('巡查中').waitFor();
      await walk(page, 0, 6);
      await expect.poll(() => trackPoints(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
      await screenshot(page, 'phone-patrol-running');

      await reportFinding(page, '滨河路人行道井盖松动，已有行人绊倒', 'solve');
      const solved = page.getByRole('link', { name: '滨河路人行道井盖松动，已有行人绊倒' });
      await expect.poll(() => solved.innerText(), { timeout: 30_000 }).toContain('就地解决');

      await reportFinding(page, '小区东门外长期占道经营，堵塞消防通道', 'up');
      const up = page.getByRole('link', { name: '小区东门外长期占道经营，堵塞消防通道' });
      await expect.poll(() => up.innerText(), { timeout: 30_000 }).toMatch(/已上报[\s\S]*工单 WH\d+/);
      await screenshot(page, 'phone-findings');

      // the finding reported up is a case of source 网格上报 that the city's dispatcher sees
      const reported = (await findingsOnServer()).find((f) => f.description.startsWith('小区东门外'));
      expect(reported).toMatchObject({ state: 'escalated', caseId: expect.any(Number) });
      const theCase = await dispatcher.get(`/api/v1/cases/${reported!.caseId}`);
      expect(theCase.status()).toBe(200);
      expect(await theCase.json()).toMatchObject({ source: 'grid_patrol' });

      // 入户走访: a household of his grid, found by its address, visited once
      const [house] = households;
      await openHousehold(page, house!, true);
      await screenshot(page, 'phone-household');
      await recordVisit(page, '关爱帮扶', '在线走访：老人身体状况良好，家中燃气灶已更换', true);
      await page
        .getByTestId('visit')
        .filter({ hasText: '在线走访：老人身体状况良好，家中燃气灶已更换' })
        .waitFor({ timeout: 30_000 });
      expect(await visitsOnServer(house!.id, '在线走访：老人身体状况良好，家中燃气灶已更换')).toMatchObject([
        { purpose: 'care', photos: [{ role: 'visit' }] },
      ]);

      await page.getByRole('navigation', { name: '手机端导航' }).getByRole('link', { name: '巡查' }).click();
      await walk(page, 150, 2);
      await page.getByRole('button', { name: /结束巡查/ }).click();
      // the confirmation's button is clicked until the patrol reads ended: a click while the dialog still zooms
      // in is lost, and a second one while the first is answered finds the button busy
      const confirmEnd = page.getByRole('dialog').getByRole('button', { name: /结束巡查/ });
      await vi.waitFor(
        async () => {
          if (await confirmEnd.isVisible()) await confirmEnd.click({ timeout: 3_000 });
          await page.getByText('巡查已结束').waitFor({ timeout: 3_000 });
        },
        { timeout: 45_000, interval: 500 },
      );
      await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe(0);

      const after = await findingsOnServer();
      expect(after.length).toBe(before.length + 2);
      expect(after.find((f) => f.description.startsWith('滨河路'))).toMatchObject({ state: 'solved' });
      const patrol = await lastPatrolOnServer();
      expect(patrol).toMatchObject({ state: 'ended', findingCount: 2 });
      expect(patrol!.pointCount).toBeGreaterThanOrEqual(7);
      expect(patrol!.distanceMeters).toBeGreaterThan(100);
      expectNoPageErrors(problems);
    },
    STEP_TIMEOUT,
  );

  it(
    'keeps what is taken with the network cut off on the phone, and sends it once when the network returns',
    async () => {
      const { page, context, problems } = phone;
      const before = await findingsOnServer();
      const patrolsBefore = (await lastPatrolOnServer())?.id;
      // the household he means to visit, looked at while the network is there
      const house = households[1]!;
      const visitNote = '离线走访：独居老人反映楼道灯不亮';
      await openHousehold(page, house, false);
      await page.getByRole('navigation', { name: '手机端导航' }).getByRole('link', { name: '巡查' }).click();
      // back to the grid's centre before the next patrol, as a worker walks back to start again
      await context.setGeolocation(positionAt(0, 10));
      await page.waitForTimeout(2_000);
      await page.getByRole('button', { name: /开始巡查/ }).click();
      await page.getByText('巡查中').waitFor();
      await walk(page, 0, 2);

      await context.setOffline(true);
      await page.getByText('离线', { exact: true }).waitFor();
      await walk(page, 50, 4);
      await reportFinding(page, '离线上报：公园北门路灯不亮', 'solve');
      await reportFinding(page, '离线上报：居民楼外墙瓷砖脱落', 'up');
      // the household's page from what the phone kept; the visit waits on it
      await openHousehold(page, house, false);
      await recordVisit(page, '日常走访', visitNote);
      const visitLabel = recordVisitUpload(house, { purpose: 'routine', note: visitNote }).label;
      await page.getByRole('main').getByText(visitLabel, { exact: true }).waitFor();
      await screenshot(page, 'phone-household-offline');
      await page.getByRole('navigation', { name: '手机端导航' }).getByRole('link', { name: '巡查' }).click();
      await page.getByRole('button', { name: /结束巡查/ }).click();
      // the confirmation's button is clicked until the patrol reads ended: a click while the dialog still zooms
      // in is lost, and a second one while the first is answered finds the button busy
      const confirmEnd = page.getByRole('dialog').getByRole('button', { name: /结束巡查/ });
      await vi.waitFor(
        async () => {
          if (await confirmEnd.isVisible()) await confirmEnd.click({ timeout: 3_000 });
          await page.getByText('巡查已结束').waitFor({ timeout: 3_000 });
        },
        { timeout: 45_000, interval: 500 },
      );

      // everything waits on the phone, and the worker sees what
      expect(await waitingCount(page)).toBeGreaterThanOrEqual(7);
      await outboxLink(page).click();
      const list = page.getByRole('region', { name: '待发送' });
      for (const label of [
        '登记发现：离线上报：公园北门路灯不亮',
        '就地解决：离线上报：公园北门路灯不亮',
        '上报：离线上报：居民楼外墙瓷砖脱落',
        visitLabel,
        '结束巡查',
      ]) {
        await list.getByText(label, { exact: true }).waitFor();
      }
      expect(await list.getByText(/巡查轨迹（\d+ 个点）/).count()).toBeGreaterThan(0);
      expect((await findingsOnServer()).length).toBe(before.length);
      expect(await visitsOnServer(house.id, visitNote)).toEqual([]);
      await screenshot(page, 'phone-outbox-offline');

      // the app opens again with no network: its shell from the service worker, the queue from IndexedDB
      await page.reload();
      await page.getByRole('region', { name: '待发送' }).getByText('结束巡查', { exact: true }).waitFor();

      await context.setOffline(false);
      await expect.poll(() => waitingCount(page), { timeout: 90_000 }).toBe(0);
      await page.getByText('全部已发送').waitFor();

      const after = await findingsOnServer();
      expect(after.length).toBe(before.length + 2);
      expect(after.filter((f) => f.description === '离线上报：公园北门路灯不亮')).toMatchObject([
        { state: 'solved' },
      ]);
      const up = after.filter((f) => f.description === '离线上报：居民楼外墙瓷砖脱落');
      expect(up).toMatchObject([{ state: 'escalated', caseId: expect.any(Number) }]);
      expect((await dispatcher.get(`/api/v1/cases/${up[0]!.caseId}`)).status()).toBe(200);
      const patrol = await lastPatrolOnServer();
      expect(patrol?.id).not.toBe(patrolsBefore);
      expect(patrol).toMatchObject({ state: 'ended', findingCount: 2 });
      expect(patrol!.pointCount).toBeGreaterThanOrEqual(6);
      // the visit taken offline was sent once: one visit, not two
      expect(await visitsOnServer(house.id, visitNote)).toMatchObject([{ purpose: 'routine' }]);
      expectNoPageErrors(problems);
    },
    STEP_TIMEOUT,
  );

  it(
    'completes a task pushed onto his grid, and shows his grid with his route and findings on the map',
    async () => {
      const { page, problems } = phone;
      const assigned = await dispatcher.post('/api/v1/grid/tasks', {
        data: { gridId: me.org.id, admissionItemCode: admissionCode, title: '核查沿街商铺灭火器配备情况' },
      });
      expect(assigned.status()).toBe(201);
      const task = await assigned.json();

      await page.getByRole('navigation', { name: '手机端导航' }).getByRole('link', { name: '任务' }).click();
      const card = page.locator('.ant-card', { hasText: '核查沿街商铺灭火器配备情况' });
      await card.getByRole('button', { name: '完成任务' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('完成情况').fill('已逐户检查 12 家商铺，2 家已补配');
      await dialog.getByRole('button', { name: '完成任务' }).click();
      await card.waitFor({ state: 'detached', timeout: 30_000 });
      const done = await (await grid.get(`/api/v1/grid/tasks/${task.id}`)).json();
      expect(done).toMatchObject({ state: 'done', resultNote: '已逐户检查 12 家商铺，2 家已补配' });

      await page.getByRole('navigation', { name: '手机端导航' }).getByRole('link', { name: '地图' }).click();
      await page
        .getByRole('img', { name: `${me.org.name}的边界、巡查轨迹和发现` })
        .locator('canvas')
        .first()
        .waitFor();
      await screenshot(page, 'phone-grid-map');
      expect(await blockingAxeViolations(page)).toEqual([]);
      expectNoPageErrors(problems);
    },
    STEP_TIMEOUT,
  );

  it(
    'refers a finding as a safety hazard of an enterprise in his grid, and links to that hazard',
    async () => {
      const { page, problems } = phone;
      // an enterprise of his grid in the register (the housing bureau registers it), and a finding there
      const handler = await staffApi('handler');
      const name = '乌海市网格巡查测试商贸有限公司';
      const registered = await handler.post('/api/v1/safety/enterprises', {
        data: {
          name,
          creditCode: completeCreditCode(`91150303MA${String(Date.now() % 10_000_000).padStart(7, '0')}`),
          industry: 'trade',
          address: '海勃湾区网格测试路 8 号',
          orgId: me.org.id,
        },
      });
      expect(registered.status(), await registered.text()).toBe(201);
      await handler.dispose();
      const recorded = await grid.post('/api/v1/grid/findings', {
        data: {
          description: '沿街商铺疏散通道堆放纸箱，灭火器过期',
          location: { longitude: centre.lng, latitude: centre.lat },
        },
      });
      expect(recorded.status()).toBe(201);
      const finding = await recorded.json();

      await page.goto(`/m/findings/${finding.id}`);
      await page.getByRole('button', { name: '转安全隐患' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByLabel('隐患描述（默认同发现描述）').inputValue()).toBe(finding.description);
      await pick(page, '隐患所在企业', name);
      await dialog.locator('label.ant-radio-wrapper', { hasText: '重大隐患' }).click();
      await dialog.getByLabel('隐患部位').fill('一楼疏散通道');
      await dialog.getByRole('button', { name: '转安全隐患' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const link = page.getByTestId('finding-hazard');
      await link.waitFor({ timeout: 60_000 });
      const after = await (await grid.get(`/api/v1/grid/findings/${finding.id}`)).json();
      expect(after).toMatchObject({ state: 'referred', hazardId: expect.any(Number), hazardState: 'found' });
      expect(await link.getAttribute('href')).toBe(`/safety/hazards/${after.hazardId}`);
      const hazard = await (await grid.get(`/api/v1/safety/hazards/${after.hazardId}`)).json();
      expect(hazard).toMatchObject({
        source: 'grid_finding',
        gridFindingId: finding.id,
        level: 'major',
        place: '一楼疏散通道',
        description: finding.description,
        enterpriseName: name,
      });
      await page.getByText('已转隐患').first().waitFor();
      await screenshot(page, 'phone-finding-referred');
      expectNoPageErrors(problems);
    },
    STEP_TIMEOUT,
  );
});
