import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  chooseOption,
  expectNoPageErrors,
  openPage,
  pickInTreeSelect,
  screenshot,
  sharedBrowser,
  signInQuickly,
} from './support/browser.js';
import { buttonName, takeLifecycleAction } from './support/lifecycle-actions.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

// Each step waits on a real server; on a shared, busy machine a step may take longer than the default.
const STEP_TIMEOUT = 240_000;

/** The text of a .docx: its document part with the markup removed. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('not a Word document');
  return xml.replace(/<[^>]+>/g, '');
}

describe('petition agency in the console (信访代办)', () => {
  it(
    'registers an entrusted petition with its 委托代办书, accepts, verifies, answers, closes and visits it back',
    async () => {
      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'petition', '/petitions/register');

      const matter = '夜市上老人反映：小区燃气改造每户收取 2600 元，怀疑是诈骗，请代为核实';
      await page.getByLabel('信访事项').fill(matter);
      await page.getByLabel('责任单位').fill('乌海市燃气公司');
      await page.getByLabel('姓名').fill('韩德胜');
      await page.getByLabel('公民身份号码').fill('150302194805120019');
      await page.getByLabel('联系电话').fill('13947312345');
      await page.getByRole('button', { name: buttonName('登记') }).click();
      await page.waitForURL(/\/petitions\/\d+$/);
      await page.getByTestId('petition-state').getByText('已登记').waitFor();
      // the petitioner's ID number shows masked
      await page.getByText('150302********0019').waitFor();

      // the 委托代办书 opens as a Word document naming the petitioner, the agent and the matter
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: /下载委托代办书/ }).click();
      const text = await docxText(await (await download).path());
      expect(text).toContain('信访事项委托代办书');
      expect(text).toContain('韩德胜');
      expect(text).toContain('高志勇');
      expect(text).toContain('燃气改造');

      await takeLifecycleAction(page, 'petition-actions', '受理', (dialog) =>
        dialog.getByLabel('说明').fill('当场受理并书面告知'),
      );
      await page.getByTestId('petition-state').getByText('已受理').waitFor();
      await page.getByTestId('answer-deadline').waitFor();

      await takeLifecycleAction(page, 'petition-actions', '核实', async (dialog) => {
        await dialog.getByLabel('核实单位').fill('乌海市燃气公司');
        await dialog.getByLabel('核实情况').fill('燃气公司确认改造费系统一收取，收费标准经物价部门核准');
      });
      await page.getByTestId('petition-state').getByText('办理中').waitFor();

      await takeLifecycleAction(page, 'petition-actions', '答复', (dialog) =>
        dialog.getByLabel('处理意见').fill('经核实，燃气改造收费合规，并非诈骗，已向信访人说明收费依据'),
      );
      await page.getByTestId('petition-state').getByText('已答复').waitFor();

      await takeLifecycleAction(page, 'petition-actions', '办结', (dialog) =>
        dialog.getByRole('radio', { name: '是' }).check(),
      );
      await page.getByTestId('petition-state').getByText('已办结').waitFor();

      await takeLifecycleAction(page, 'petition-actions', '回访', async (dialog) => {
        await chooseOption(page, dialog, '满意度', '满意');
        await dialog.getByLabel('说明').fill('信访人表示满意，感谢民警帮忙');
      });
      await page.getByTestId('petition-facts').getByText('满意', { exact: true }).waitFor();

      // the timeline names who helped, acted, reported back and visited back
      await expect
        .poll(() =>
          page
            .getByTestId('petition-event')
            .evaluateAll((es) => es.map((e) => e.getAttribute('data-action'))),
        )
        .toEqual(['register', 'accept', 'verify', 'answer', 'close', 'visit_back']);
      expect(await page.getByTestId('petition-event').filter({ hasText: '高志勇' }).count()).toBe(6);
      await screenshot(page, 'petition-visited-back');

      // the list shows it closed
      await page.goto('/petitions');
      await page.getByTestId('petitions').getByText('燃气改造').first().waitFor();
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'converts a 12345 case to a petition on the case page; the petition and the case link to each other',
    async () => {
      const agentApi = await staffApi('agent');
      const created = await agentApi.post('/api/v1/cases', {
        data: {
          source: 'hotline_12345',
          type: 'complaint',
          title: '小区燃气改造收费疑问',
          content: '老人反映小区燃气改造每户收取 2600 元，担心是诈骗，希望有人帮忙核实。',
          citizenName: '刘桂兰',
          citizenPhone: '13947354321',
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const kase = (await created.json()) as { id: number; number: string };
      await agentApi.dispose();

      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'agent', `/cases/${kase.id}`);
      await page.getByRole('button', { name: '转为信访' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // the matter and the caller come from the case
      expect(await dialog.getByLabel('信访事项').inputValue()).toContain('燃气改造');
      expect(await dialog.getByLabel('姓名').inputValue()).toBe('刘桂兰');
      await pickInTreeSelect(page, dialog, '代办点', '乌海市公安局');
      await dialog.getByText('委托代办', { exact: true }).click();
      await dialog.getByLabel('公民身份号码').fill('150302195203040024');
      const answer = page.waitForResponse((r) => r.url().includes('/actions/convert_to_petition'));
      await dialog.getByRole('button', { name: '转为信访' }).click();
      expect((await answer).status()).toBe(200);

      await page.waitForURL(/\/petitions\/\d+$/);
      await page.getByTestId('petition-state').getByText('已登记').waitFor();
      await page.getByTestId('petition-facts').getByText('委托代办').waitFor();
      await page.getByTestId('petition-case-link').click();
      await page.waitForURL(new RegExp(`/cases/${kase.id}$`));
      await page.getByTestId('case-petition-link').waitFor();
      expect(await page.getByRole('button', { name: '转为信访' }).count()).toBe(0);
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'shows the numbers per agency point, sortable, and downloads them as a workbook',
    async () => {
      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'leader', '/petitions/stats');
      const agencies = page.getByTestId('petition-stats-agencies');
      await agencies.getByText('乌海市公安局').first().waitFor();
      const rows = agencies.locator('tbody tr.ant-table-row');
      expect(await rows.count()).toBeGreaterThan(1);
      // 信访量 ascending, then descending: the busiest agency point comes first
      const header = agencies.locator('thead th', { hasText: /^信访量$/ });
      await header.click();
      await header.click();
      const volume = async (row: number) => Number(await rows.nth(row).locator('td').nth(1).innerText());
      await expect.poll(async () => (await volume(0)) >= (await volume(1))).toBe(true);
      await page.getByTestId('petition-stats-months').getByText('合计').waitFor();

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /导出Excel/ }).click();
      expect((await download).suggestedFilename()).toMatch(/^信访统计_乌海市_.*\.xlsx$/);
      await screenshot(page, 'petition-stats');
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'gives the agent his petitions as cards on a phone, each opening the file with its actions',
    async () => {
      const { page, context, problems } = await openPage(browser(), { width: 390, height: 844 });
      await signInQuickly(page, 'petition', '/petitions');
      const cards = page.getByTestId('petition-cards');
      await cards.locator('.ant-card').first().waitFor();
      expect(await page.getByTestId('petitions').count()).toBe(0);
      await screenshot(page, 'petitions-phone');
      await cards.locator('a').first().click();
      await page.waitForURL(/\/petitions\/\d+$/);
      await page.getByTestId('petition-facts').waitFor();
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );
});
