import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoPageErrors, openPage, screenshot, sharedBrowser, signInQuickly } from './support/browser.js';
import { buttonName } from './support/lifecycle-actions.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();
// a busy shared machine makes a page slow; patience here is not a speed assertion
const STEP_TIMEOUT = 180_000;

interface Classified {
  categories: { name: string; probability: number }[];
  uncertain: boolean;
  confidenceFloor: number;
  modelVersion: string | null;
}

interface Duplicates {
  candidates: { number: string; score: number }[];
  shownFrom: number;
}

/** Types a request into the intake form and answers the classifier's and the duplicate finder's last answers. */
async function typeRequest(page: Page, title: string, content: string) {
  const settled = (path: string) =>
    page.waitForResponse(
      (r: Response) =>
        r.url().endsWith(path) &&
        r.request().method() === 'POST' &&
        (r.request().postData() ?? '').includes(content.slice(-8)),
    );
  const classified = settled('/api/v1/intelligence/classify');
  const duplicates = settled('/api/v1/intelligence/duplicates');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('诉求内容').fill(content);
  return {
    classified: (await (await classified).json()) as Classified,
    duplicates: (await (await duplicates).json()) as Duplicates,
  };
}

describe('smart dispatch an agent and a dispatcher can trust', () => {
  it(
    'intake: calibrated percentages, 不确定 when unsure, and no duplicate below the floor',
    async () => {
      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'agent', '/intake');
      const clear = await typeRequest(
        page,
        '小区电梯长期故障',
        '小区电梯长期故障物业不维修，老人上下楼非常困难，请相关部门督促物业尽快维修电梯',
      );
      expect(clear.classified.modelVersion).not.toBeNull();
      const panel = page.getByTestId('suggestion-panel');
      const rows = panel.getByTestId('suggested-category');
      await expect.poll(() => rows.count()).toBe(Math.min(3, clear.classified.categories.length));
      // the panel shows the calibrated probabilities the server answered, none of them a false certainty
      for (const [i, c] of clear.classified.categories.slice(0, 3).entries()) {
        await expect.poll(() => rows.nth(i).innerText()).toContain(c.name);
        await expect.poll(() => rows.nth(i).innerText()).toContain(`${Math.round(c.probability * 100)}%`);
        expect(c.probability).toBeLessThan(0.995);
      }
      expect(await panel.getByTestId('suggestion-uncertain').count()).toBe(
        clear.classified.uncertain ? 1 : 0,
      );
      // duplicates: only candidates from the measured floor on, and an empty list says so
      expect(clear.duplicates.candidates.every((c) => c.score >= clear.duplicates.shownFrom)).toBe(true);
      if (clear.duplicates.candidates.length === 0) {
        await page
          .getByText(`没有评分达到 ${Math.round(clear.duplicates.shownFrom * 100)}% 的疑似重复工单`)
          .waitFor();
      } else {
        for (const c of clear.duplicates.candidates)
          await page.getByRole('link', { name: c.number }).waitFor();
      }
      await screenshot(page, 'intake-calibrated-suggestion');

      const vague = await typeRequest(page, '咨询', '请问这个事情应该找哪个部门反映一下');
      expect(vague.classified.categories[0]!.probability).toBeLessThan(vague.classified.confidenceFloor);
      expect(vague.classified.uncertain).toBe(true);
      await panel.getByTestId('suggestion-uncertain').waitFor();
      await panel
        .getByText(`最可能的事项也不到 ${Math.round(vague.classified.confidenceFloor * 100)}%`)
        .waitFor();
      await screenshot(page, 'intake-uncertain-suggestion');
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'dispatch: the dialog opens with the lead unit filled and says why',
    async () => {
      const agent = await staffApi('agent');
      const categories = (
        (await (await agent.get('/api/v1/catalog/categories')).json()) as {
          items: { id: number; parentId: number | null; name: string; defaultUnitName: string | null }[];
        }
      ).items;
      const parents = new Set(categories.map((c) => c.parentId));
      const leaves = categories.filter((c) => !parents.has(c.id) && c.defaultUnitName);
      // a matter of property management (物业服务 → 市住房和城乡建设局) when the catalog has one
      const matter = leaves.find((c) => c.name.includes('物业')) ?? leaves[0];
      expect(matter, 'the demo catalog has a matter with a default unit').toBeDefined();
      const created = await agent.post('/api/v1/cases', {
        data: {
          source: 'hotline_12345',
          type: 'complaint',
          priority: 'normal',
          title: '物业问题',
          content: '小区物业的事情想反映一下，请相关部门了解处理',
          citizenName: '赵女士',
          citizenPhone: '13947309876',
          anonymous: false,
          keepPrivate: false,
          categoryId: matter!.id,
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const { id, number, state } = (await created.json()) as { id: number; number: string; state: string };
      expect(state, 'a vague request is left to the dispatcher').toBe('registered');
      await agent.dispose();

      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'dispatcher', `/cases/${id}`);
      await page.getByText(number).first().waitFor();
      await page
        .getByRole('button', { name: buttonName('派单') })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      const reason = dialog.getByTestId('lead-unit-reason');
      await reason.waitFor();
      expect(await reason.innerText()).toContain(`事项「${matter!.name}」的默认承办单位`);
      // the unit picker shows the unit with its kind, e.g. 乌海市住房和城乡建设局（职能单位）
      await expect
        .poll(async () => (await dialog.locator('.ant-select-selection-item').allInnerTexts()).join(' '))
        .toContain(matter!.defaultUnitName);
      await screenshot(page, 'dispatch-dialog-prefilled');
      await dialog.getByRole('button', { name: /取\s*消/ }).click();
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );
});
