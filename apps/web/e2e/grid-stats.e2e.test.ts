import type { GridStatsReport } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { blockingAxeViolations } from './support/axe.js';
import { expectNoPageErrors, openPage, screenshot, sharedBrowser, signInQuickly } from './support/browser.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

/** `98.48%`: a rate as the numbers page shows it. */
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(2)}%`);

describe('the grid numbers (网格统计)', () => {
  it("shows the city's numbers as the API counts them, its grids on a map coloured by a measure and ranked by it", async () => {
    const { page, context, problems } = await openPage(browser());
    context.setDefaultTimeout(60_000);
    const counted = page.waitForResponse((r) => r.url().includes('/api/v1/grid/stats?'));
    await signInQuickly(page, 'leader', '/grid/stats');
    const report = (await (await counted).json()) as GridStatsReport;
    expect(report.org.kind).toBe('city');
    expect(report.counts.findings.found).toBeGreaterThan(100);

    // the headline: the closing rate of findings with its parts, as the API answered
    const closing = page.getByTestId('grid-measure-closingRate');
    await closing.getByText(percent(report.measures.closingRate.value)).waitFor();
    await closing
      .getByText(`${report.measures.closingRate.numerator} / ${report.measures.closingRate.denominator}`)
      .waitFor();
    // the districts below the city, one row each
    await page.getByTestId('grid-stats-children').getByText('海勃湾区').waitFor();

    // the map of the city's grids and their ranking by the closing rate, best first
    await page.getByTestId('grid-stats-map').locator('canvas').first().waitFor();
    await page.getByTestId('grid-map-legend').waitFor();
    const rows = page.getByTestId('grid-ranking').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect((await rows.first().locator('td').first().innerText()).trim()).toBe('1');
    expect(await rows.first().innerText()).toMatch(/\d+\.\d{2}%/);

    // another measure colours the map and orders the ranking anew: the most kilometres first
    // the select's box, not its input (the chosen value lies over the input)
    await page.getByLabel('着色与排名指标').first().click();
    await page.locator('.ant-select-item-option', { hasText: '巡查里程' }).click();
    await page.getByText('按「巡查里程」排名，地图同色').waitFor();
    // axe judges the page, not the list of measures while it folds away
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    const kilometres = async (row: number) =>
      Number((await rows.nth(row).locator('td').nth(3).innerText()).replaceAll(',', ''));
    expect(await kilometres(0)).toBeGreaterThanOrEqual(await kilometres(1));
    expect(await kilometres(1)).toBeGreaterThanOrEqual(await kilometres(2));

    expect(await blockingAxeViolations(page)).toEqual([]);

    // the workbook a city's staff file away
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^网格统计_乌海市_.*\.xlsx$/);

    await screenshot(page, 'grid-stats');
    expectNoPageErrors(problems);
    await context.close();
  }, 180_000);

  it('refuses to push an item off the admission list onto a grid, naming the list, and pushes one on it', async () => {
    const grid = await staffApi('grid');
    const me = (await (await grid.get('/api/v1/me')).json()) as { org: { id: number; name: string } };
    const { page, context, problems } = await openPage(browser());
    context.setDefaultTimeout(60_000);
    await signInQuickly(page, 'dispatcher', '/grid/tasks');
    await page.getByRole('button', { name: '下派任务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('网格', { exact: true }).click();
    const searched = page.waitForResponse(
      (r) => r.url().includes('/api/v1/orgs?') && r.url().includes('kind=grid'),
    );
    await dialog.getByLabel('网格', { exact: true }).fill(me.org.name);
    await searched;
    await page.locator('.ant-select-item-option', { hasText: me.org.name }).first().click();
    // an item no list holds (拆迁动员 is a town's own work): typed by its code
    await dialog.getByLabel('网格事项').fill('GA09.001');
    await dialog.getByLabel('任务标题').fill('协助开展征地拆迁动员');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/grid/tasks') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /下\s*派/ }).click();
    expect((await refused).status()).toBe(400);
    const alert = dialog.getByTestId('not-on-admission-list');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('网格事项准入清单');
    await screenshot(page, 'grid-task-off-list');

    // an item of the list goes through
    await dialog.getByLabel('网格事项').fill('GA01.001');
    await page.locator('.ant-select-item-option', { hasText: 'GA01.001 实有人口信息采集' }).click();
    await dialog.getByLabel('任务标题').fill('核查新入住居民信息');
    const pushed = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/grid/tasks') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /下\s*派/ }).click();
    expect((await pushed).status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('grid-tasks').getByText('核查新入住居民信息').waitFor();

    // the grid worker has it, and only that one of the two
    const mine = (await (await grid.get('/api/v1/grid/tasks?limit=200')).json()) as {
      items: { title: string }[];
    };
    const titles = mine.items.map((t) => t.title);
    expect(titles).toContain('核查新入住居民信息');
    expect(titles).not.toContain('协助开展征地拆迁动员');
    await grid.dispose();
    expectNoPageErrors(problems);
    await context.close();
  }, 180_000);

  it("walks the supervisors' screens: a finding with its timeline and case, a patrol's route, missed patrols and plans, the admission list", async () => {
    const { page, context, problems } = await openPage(browser());
    context.setDefaultTimeout(60_000);
    await signInQuickly(page, 'supervisor', '/grid/findings');
    // a finding reported up: its page names the case it became
    await page.getByLabel('状态').first().click();
    await page.locator('.ant-select-item-option', { hasText: '已办结' }).click();
    const reported = page.getByTestId('grid-findings').locator('tbody tr.ant-table-row');
    await reported.first().waitFor();
    await screenshot(page, 'grid-findings');
    await reported.first().click();
    await page.waitForURL(/\/grid\/findings\/\d+$/);
    await page.getByTestId('finding-case').waitFor();
    expect(await page.getByTestId('finding-event').count()).toBeGreaterThanOrEqual(3);
    expect(await blockingAxeViolations(page)).toEqual([]);
    await screenshot(page, 'grid-finding');

    // the newest patrol with its route on the grid's map
    await page.goto('/grid/patrols');
    await page.getByTestId('grid-patrols').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('patrol-route').locator('canvas').first().waitFor();
    expect(await page.getByTestId('patrol-route').innerText()).toMatch(/\d+\.\d{2} km/);
    await screenshot(page, 'grid-patrols');

    // yesterday's missed patrols (a month of history misses some) and the plans, read-only for a supervisor
    await page.goto('/grid/missed');
    await page.getByTestId('grid-missed').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('grid-plans').locator('tbody tr.ant-table-row').first().waitFor();
    expect(
      await page
        .getByTestId('grid-plans')
        .getByRole('button', { name: /保\s*存/ })
        .count(),
    ).toBe(0);
    expect(await blockingAxeViolations(page)).toEqual([]);
    await screenshot(page, 'grid-missed');

    await page.goto('/grid/admission');
    await page.getByText('GA01 基础信息采集（20）').waitFor();
    await screenshot(page, 'grid-admission');
    expectNoPageErrors(problems);
    await context.close();
  }, 180_000);
});
