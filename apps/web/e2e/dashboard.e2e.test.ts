import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectNoPageErrors, openPage, screenshot, sharedBrowser } from './support/browser.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

/**
 * Signs `username` in through the API and opens the wall; answers how long until it showed the map, the
 * rates and the ticker (a cold browser: the scripts are loaded too).
 */
async function openWall(page: Page, username: string): Promise<number> {
  const answer = await page.request.post('/api/v1/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(answer.status()).toBe(200);
  const started = Date.now();
  await page.goto('/dashboard');
  await page.getByTestId('wall-rates').waitFor();
  await page.getByTestId('wall-map').locator('canvas').first().waitFor();
  await page.getByTestId('wall-case').first().waitFor();
  const shown = Date.now() - started;
  const loads = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/') || e.name.endsWith('.js'))
      .map(
        (e) => `${e.name.replace(location.origin, '')} @${Math.round(e.startTime)}+${Math.round(e.duration)}`,
      ),
  );
  console.info(`[dashboard] loads: ${loads.join(', ')}`);
  return shown;
}

/** Clicks the map at a series of points until `done` holds (the city has deserts between its towns). */
async function clickMapUntil(page: Page, done: () => Promise<boolean>): Promise<void> {
  const canvas = page.getByTestId('wall-map').locator('canvas').first();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no map');
  const spots = [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65];
  for (const fy of spots) {
    for (const fx of spots) {
      await canvas.click({ position: { x: box.width * fx, y: box.height * fy } });
      // the level below loads before it shows: give it a moment before clicking elsewhere
      for (let wait = 0; wait < 8; wait++) {
        if (await done().catch(() => false)) return;
        await page.waitForTimeout(100);
      }
    }
  }
  throw new Error('nothing to drill into under the clicks');
}

describe('the command hall’s wall (城市运行一个屏)', () => {
  it('shows the city live at 1920 × 1080: a new case reaches the ticker without a reload; drills to a grid', async () => {
    const { page, context, problems } = await openPage(browser(), { width: 1920, height: 1080 });
    const firstPaint = await openWall(page, 'leader');
    console.info(`[dashboard] first paint ${firstPaint} ms`);
    await expect.poll(() => page.getByTestId('wall-status').getAttribute('data-status')).toBe('live');
    await expect(page.getByTestId('wall-rates').getByText('响应率').count()).resolves.toBe(1);

    const agent = await staffApi('agent');
    const grids = await (await agent.get('/api/v1/orgs?kind=grid&pageSize=1')).json();
    const center = grids.items[0].center as { lng: number; lat: number };
    const registered = await agent.post('/api/v1/cases', {
      data: {
        source: 'hotline_12345',
        type: 'complaint',
        content: '大屏测试：小区东门消防通道被车辆长期占用，请尽快处理，联系电话13947305678。',
        location: { longitude: center.lng, latitude: center.lat },
      },
    });
    const registeredAt = Date.now();
    expect(registered.status(), await registered.text()).toBe(201);
    const { number } = (await registered.json()) as { number: string };
    await agent.dispose();
    const row = page.getByTestId('wall-ticker').locator(`[data-number="${number}"]`);
    // it arrives over the stream, with no reload; how fast is printed, not asserted (a busy machine is slower)
    await expect.poll(() => row.count(), { interval: 25 }).toBe(1);
    console.info(`[dashboard] new case on the wall after ${Date.now() - registeredAt} ms`);
    // the leader reads no personal data: the phone in the content is masked on the wall
    expect(await page.getByTestId('wall-ticker').innerText()).not.toContain('13947305678');
    await page.waitForTimeout(800);
    await screenshot(page, 'dashboard-1920x1080');

    const trail = page.getByTestId('wall-map-trail');
    await clickMapUntil(page, async () => (await trail.innerText()).includes('›'));
    await expect.poll(() => page.getByRole('button', { name: /返回上级/ }).count()).toBe(1);
    await page.waitForTimeout(600);
    await screenshot(page, 'dashboard-district');
    await clickMapUntil(page, () => page.getByTestId('wall-grid-card').isVisible());
    await page.getByTestId('wall-grid-card').getByText('网格力量').waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'dashboard-grid');
    await page.getByRole('button', { name: /返回上级/ }).click();
    await expect.poll(() => page.getByTestId('wall-grid-card').count()).toBe(0);

    await page.getByRole('button', { name: '市域社会治理' }).click();
    await page.getByTestId('wall-warnings').waitFor();
    expectNoPageErrors(problems);
    await context.close();
  });

  it('shows a petition flagged at risk in 市域社会治理 as it is flagged, masked, and drops it when lifted', async () => {
    const { page, context, problems } = await openPage(browser(), { width: 1920, height: 1080 });
    await openWall(page, 'leader');
    await page.getByRole('button', { name: '市域社会治理' }).click();
    const panel = page.getByTestId('wall-petition-risks');
    await panel.waitFor();
    await expect.poll(() => page.getByTestId('wall-status').getAttribute('data-status')).toBe('live');

    const agent = await staffApi('petition');
    const created = await agent.post('/api/v1/petitions', {
      data: {
        mode: 'proactive',
        matter: '大屏风险测试：拆迁补偿多年未落实，信访人扬言到区政府采取过激行为，电话13947305679',
        petitioners: [{ name: '韩德胜', idNumber: '150302194805120019' }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const petition = (await created.json()) as { id: number; version: number };
    const flagged = await agent.post(`/api/v1/petitions/${petition.id}/actions/flag_risk`, {
      data: { version: petition.version, kind: 'extreme_act', reason: '信访人扬言采取过激行为' },
    });
    expect(flagged.status(), await flagged.text()).toBe(200);
    const row = panel.getByTestId('wall-petition-risk').filter({ hasText: `XF-${petition.id} ` });
    // it arrives over the stream: the wall reloads its numbers, with no reload of the page
    await expect.poll(() => row.count()).toBe(1);
    const shown = await row.innerText();
    expect(shown).toContain('极端事件苗头');
    expect(shown).toContain('乌海市公安局');
    // the leader reads no personal data: the petitioner's name and the phone are masked
    expect(shown).not.toContain('韩德胜');
    expect(shown).not.toContain('13947305679');
    await screenshot(page, 'dashboard-petition-risks');

    const { version } = (await flagged.json()) as { version: number };
    const lifted = await agent.post(`/api/v1/petitions/${petition.id}/actions/unflag_risk`, {
      data: { version, reason: '经街道、派出所联合化解，情绪已平稳' },
    });
    expect(lifted.status(), await lifted.text()).toBe(200);
    await expect.poll(() => row.count()).toBe(0);
    await agent.dispose();
    expectNoPageErrors(problems);
    await context.close();
  });

  it('scales to a 3840 × 2160 wall without distortion', async () => {
    const { page, context, problems } = await openPage(browser(), { width: 3840, height: 2160 });
    await openWall(page, 'dispatcher');
    const stage = await page.getByTestId('wall-stage').boundingBox();
    expect(stage).toMatchObject({ x: 0, y: 0, width: 3840, height: 2160 });
    await page.getByTestId('wall-ticker').waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'dashboard-3840x2160');
    expectNoPageErrors(problems);
    await context.close();
  });

  it('is not for a handler', async () => {
    const { page, context } = await openPage(browser());
    const answer = await page.request.post('/api/v1/auth/login', {
      data: { username: 'handler', password: DEMO_PASSWORD },
    });
    expect(answer.status()).toBe(200);
    await page.goto('/dashboard');
    await page.getByText('您没有查看指挥大屏的权限').waitFor();
    await context.close();
  });
});
