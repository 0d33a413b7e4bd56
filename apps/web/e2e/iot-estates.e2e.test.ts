import { describe, expect, it } from 'vitest';
import { expectNoPageErrors, openPage, screenshot, sharedBrowser, signInQuickly } from './support/browser.js';

const browser = sharedBrowser();

describe('the 智安小区 estates', () => {
  it('shows each estate’s share of devices online, and an estate’s numbers, map and devices', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'dispatcher', '/iot/estates');
    const estates = page.getByTestId('iot-estates');
    await estates.getByRole('link', { name: '滨河花园' }).waitFor({ timeout: 30_000 });
    expect(await estates.getByRole('progressbar', { name: '设备在线率' }).count()).toBeGreaterThan(0);
    // every estate of the scope is pinned on the map, not only the table's page: the 11 demo estates at least
    const map = page.getByRole('img', { name: /的边界地图与\d+个智安小区$/ });
    // (the boundaries and ECharts come after the table: generous waits on a loaded machine)
    await map.waitFor({ timeout: 45_000 });
    const pins = async () => Number(/与(\d+)个智安小区/.exec((await map.getAttribute('aria-label'))!)![1]);
    await expect.poll(pins, { timeout: 30_000 }).toBeGreaterThanOrEqual(11);
    // the dispatcher manages the devices: he sees the ingestion counters of the process
    await page.getByTestId('iot-ingestion').getByText('已入库').waitFor();

    const link = estates.getByRole('link', { name: '滨河花园' });
    const href = await link.getAttribute('href');
    await link.click({ timeout: 5_000 }).catch(async (error: unknown) => {
      // once in CI the link was detached under the click and did not come back: keep what the page showed, and
      // go on to the estate's page by the link's own address (a page that lost its session fails below)
      await screenshot(page, 'iot-estates-click-missed');
      console.warn(`the estate link was missed at ${page.url()}: ${String(error).slice(0, 300)}`);
      await page.goto(href!);
    });
    await page.getByRole('heading', { name: '滨河花园' }).waitFor();
    await page.getByText('确认用时（中位数）').waitFor();
    await page.getByText('告警类型分布').waitFor();
    await page.getByText('误报率（按设备类型，%）').waitFor();
    const devices = page.getByTestId('iot-devices');
    await devices.locator('tbody tr', { hasText: 'PX04-' }).first().waitFor();
    // the estate's devices only
    const estatesShown = await devices.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(new Set(estatesShown)).toEqual(new Set(['滨河花园']));
    await screenshot(page, 'iot-estate-detail');
    expectNoPageErrors(problems);
    await context.close();
  });
});
