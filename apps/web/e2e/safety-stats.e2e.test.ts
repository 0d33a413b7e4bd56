import { describe, expect, it } from 'vitest';
import { expectNoPageErrors, openPage, screenshot, sharedBrowser, signInQuickly } from './support/browser.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

const STEP_TIMEOUT = 240_000;

/** A Beijing date `daysBack` days before today, as the page's period picker gives it. */
function beijingDate(daysBack: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - daysBack * 86_400_000).toISOString().slice(0, 10);
}

describe('隐患统计 in the console', () => {
  it(
    'shows the year’s hazard numbers the stats API gives, by area, with the enterprises on the map',
    async () => {
      // a hazard of today, so the year has one at least: an inspection of an enterprise the handler supervises
      const handler = await staffApi('handler');
      const register = await handler.get('/api/v1/safety/enterprises?pageSize=1');
      const [enterprise] = ((await register.json()) as { items: { id: number }[] }).items;
      const inspected = await handler.post('/api/v1/safety/inspections', {
        data: {
          enterpriseId: enterprise!.id,
          items: [{ item: '临边洞口防护到位', passed: false, finding: '二层临边缺护栏' }],
        },
      });
      expect(inspected.status(), await inspected.text()).toBe(201);
      await handler.dispose();

      const dispatcher = await staffApi('dispatcher');
      const answer = await dispatcher.get(
        `/api/v1/safety/stats?from=${beijingDate(364)}&to=${beijingDate(0)}`,
      );
      const stats = (await answer.json()) as {
        found: number;
        inspections: number;
        byOrg: { name: string }[];
      };
      const located = (
        (await (await dispatcher.get('/api/v1/safety/enterprises/map')).json()) as { items: [] }
      ).items.length;
      await dispatcher.dispose();
      expect(stats.found).toBeGreaterThan(0);

      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'dispatcher', '/safety/stats');
      const summary = page.getByTestId('safety-stats-summary');
      for (const [title, value] of [
        ['发现隐患', stats.found],
        ['检查次数', stats.inspections],
      ] as const) {
        await summary
          .locator('.ant-statistic', { hasText: title })
          .getByText(value.toLocaleString('en-US'), { exact: true })
          .waitFor();
      }
      const byOrg = page.getByTestId('safety-stats-by-org');
      for (const { name } of stats.byOrg) await byOrg.getByText(name, { exact: true }).waitFor();
      // every located enterprise of the scope is a pin, not only a page of the register
      await page.getByRole('img', { name: new RegExp(`的边界地图与${located}家企业$`) }).waitFor();
      await screenshot(page, 'safety-stats');
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );
});
