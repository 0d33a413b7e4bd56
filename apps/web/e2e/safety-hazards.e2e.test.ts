import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  chooseOption,
  expectNoPageErrors,
  foldOptions,
  openPage,
  screenshot,
  sharedBrowser,
  signInQuickly,
} from './support/browser.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

// Each step waits on a real server; on a shared, busy machine a step may take longer than the default.
const STEP_TIMEOUT = 240_000;
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A credit code of its own for this run (the test makes its own enterprise), with its check character. */
function freshCreditCode(): string {
  const body = `91150303MA${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  const sum = [...body].reduce((s, c, i) => s + CHARSET.indexOf(c) * WEIGHTS[i]!, 0);
  return `${body}${CHARSET[(31 - (sum % 31)) % 31]}`;
}

/** antd puts a space between the two characters of a two-character button (上 报): match either way. */
function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

/** Opens hazard action `action`, lets `fill` fill its dialog, confirms, and waits for the server's answer. */
async function takeAction(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined,
) {
  await page
    .getByTestId('hazard-actions')
    .getByRole('button', { name: label(action) })
    .click();
  // the dialog of this action (titled by it), not one still folding away
  const dialog = page.getByRole('dialog', { name: label(action) });
  await dialog.waitFor();
  await fill(dialog);
  const answer = page.waitForResponse(
    (r) => r.url().includes('/actions/') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: label(action) }).click();
  const response = await answer;
  expect(response.status(), `${action}: ${await response.text()}`).toBe(200);
  await dialog.waitFor({ state: 'hidden' });
}

describe('safety hazards in the console (安全生产隐患排查治理)', () => {
  it(
    'inspects an enterprise, whose failed item becomes a major hazard that is planned, rectified, accepted and closed',
    async () => {
      const name = `乌海市海南区测试建筑工程有限公司${Date.now() % 100_000}`;
      const api = await staffApi('handler');
      const created = await api.post('/api/v1/safety/enterprises', {
        data: {
          name,
          creditCode: freshCreditCode(),
          industry: 'construction',
          address: '海南区西卓子山街道',
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      await api.dispose();

      const { page, context, problems } = await openPage(browser());
      // a busy shared machine makes a page slow to answer; patience here is not a speed assertion
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'handler', '/safety/inspections');
      await page.getByRole('button', { name: '新建检查' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // the select asks the server as one types: the demo register fills more than its first answer
      await chooseOption(page, dialog, '企业', name, name);
      const checklist = dialog.getByTestId('inspection-checklist');
      const failed = checklist.locator('tbody tr', { hasText: '深基坑支护和监测' });
      await failed.getByText('✗').click();
      await failed.getByLabel('问题描述').fill('基坑东侧支护变形，未布设监测点');
      await chooseOption(page, failed, '隐患等级', '重大隐患');
      // 现场照片: a real PNG (a picture of the checklist itself will do), compressed in the browser
      const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 400, height: 240 } });
      await failed
        .locator('input[type=file]')
        .setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: photo });
      await failed.locator('img').first().waitFor();
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/safety/inspections') && r.request().method() === 'POST',
      );
      await dialog.getByRole('button', { name: label('保存') }).click();
      const inspection = await saved;
      expect(inspection.status(), await inspection.text()).toBe(201);
      const { items } = (await inspection.json()) as { items: { item: string; hazardId: number | null }[] };
      const hazardId = items.find((i) => i.item === '深基坑支护和监测')?.hazardId;
      expect(hazardId).toEqual(expect.any(Number));
      expect(items.filter((i) => i.hazardId !== null)).toHaveLength(1);
      await dialog.waitFor({ state: 'hidden' });

      await page.goto(`/safety/hazards/${hazardId}`);
      await page.getByText('基坑东侧支护变形，未布设监测点').first().waitFor();
      await page.getByRole('img', { name: 'report' }).waitFor();
      await takeAction(page, '上报');
      await takeAction(page, '交办整改', async (d) => {
        await d.getByLabel('整改责任人').fill('项目经理王工');
        await d.getByLabel('整改期限（工作日）').fill('10');
      });
      await takeAction(page, '开始整改');
      await takeAction(page, '报送治理方案', async (d) => {
        await d.getByLabel('治理目标和任务').fill('消除基坑坍塌风险');
        await d.getByLabel('方法和措施').fill('增设钢支撑，布设位移监测点');
        await d.getByLabel('经费（万元）').fill('12');
        await d.getByLabel('负责机构和人员').fill('项目部安全科');
        await d.getByLabel('安全措施和应急预案').fill('停止东侧作业，设置警戒区');
      });
      await takeAction(page, '整改完成', (d) => d.getByLabel('说明').fill('已完成支护加固并布设监测点'));
      // a major hazard is not closed before the supervising body accepts it: no 销号 button yet
      await expect
        .poll(() => page.getByTestId('hazard-actions').getByRole('button').allInnerTexts())
        .not.toContain('销 号');
      await takeAction(page, '验收通过', (d) => d.getByLabel('说明').fill('现场验收合格'));
      await takeAction(page, '销号');
      await page.getByTestId('hazard-state').getByText('已销号').waitFor();
      await expect
        .poll(async () =>
          page
            .getByTestId('hazard-event')
            .evaluateAll((events) => events.map((e) => e.getAttribute('data-action'))),
        )
        .toEqual([
          'record',
          'report',
          'assign',
          'start_rectification',
          'submit_plan',
          'rectify',
          'accept_rectification',
          'close',
        ]);
      await screenshot(page, 'safety-hazard-closed');
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'shows the demo year: the register, its inspections and its hazards, paged',
    async () => {
      const { page, context, problems } = await openPage(browser());
      await signInQuickly(page, 'handler', '/safety/hazards');
      const hazards = page.getByTestId('safety-hazards');
      await hazards.locator('tbody tr.ant-table-row').first().waitFor();
      await page.getByText(/^共 \d+ 条$/).waitFor();
      await page.goto('/safety/inspections');
      await page.getByTestId('safety-inspections').locator('tbody tr.ant-table-row').first().waitFor();
      await page.goto('/safety/enterprises');
      const register = page.getByTestId('safety-enterprises');
      await register.locator('tbody tr.ant-table-row').first().waitFor();
      await page.getByText(/^共 \d+ 条$/).waitFor();
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'downloads the quarterly table, and the enterprise signs its report, then shown 已确认',
    async () => {
      const { page, context, problems } = await openPage(browser());
      await signInQuickly(page, 'handler', '/safety/hazards');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /下载季报/ }).click();
      expect((await download).suggestedFilename()).toMatch(/^隐患排查治理季报_.*季度\.xlsx$/);
      await context.close();

      const own = await openPage(browser());
      await signInQuickly(own.page, 'enterprise', '/safety/hazards');
      const signatures = own.page.getByTestId('safety-report-confirmations');
      await signatures.getByText('未确认').waitFor();
      await own.page.getByLabel('主要负责人').fill('张国华');
      const answer = own.page.waitForResponse(
        (r) => r.url().includes('/reports/confirmations') && r.request().method() === 'POST',
      );
      await own.page.getByRole('button', { name: label('签字确认') }).click();
      expect((await answer).status()).toBe(201);
      await signatures.getByText('已确认').waitFor();
      await signatures.getByText('张国华').waitFor();
      await screenshot(own.page, 'safety-report-signed');
      expectNoPageErrors([...problems, ...own.problems]);
      await own.context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'creates a campaign over construction, inspects one of its enterprises from it, and shows the progress',
    async () => {
      const { page, context, problems } = await openPage(browser());
      await signInQuickly(page, 'handler', '/safety/campaigns');
      await page.getByTestId('safety-campaigns').locator('tbody tr.ant-table-row').first().waitFor();
      await page.getByRole('button', { name: '新建专项排查' }).click();
      const dialog = page.getByRole('dialog', { name: '新建专项排查' });
      await dialog.waitFor();
      const name = `建筑施工安全专项排查${Date.now() % 100_000}`;
      await dialog.getByLabel('专项名称').fill(name);
      await chooseOption(page, dialog, '排查行业', '建筑施工');
      await foldOptions(dialog);
      // the industry's checklist comes from the template, each item with its basis
      await expect
        .poll(() => dialog.getByLabel('建筑施工检查清单').inputValue())
        .toContain('深基坑支护和监测｜房屋市政工程生产安全重大事故隐患判定标准');
      // the inspectors: those of his scope who may inspect, found as one types (he names himself)
      await chooseOption(page, dialog, '检查人员', '（handler · ', 'handler');
      await foldOptions(dialog);
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/safety/campaigns') && r.request().method() === 'POST',
      );
      await dialog.getByRole('button', { name: label('保存') }).click();
      expect((await created).status()).toBe(201);
      expect((await created).request().postDataJSON().inspectorUserIds).toHaveLength(1);
      await page.getByRole('heading', { name }).waitFor();
      const progress = page.getByTestId('campaign-progress');
      await progress.getByText(/^已查 0 \/ \d+ 家$/).waitFor();

      const pending = page.getByTestId('campaign-pending');
      await pending
        .locator('tbody tr.ant-table-row')
        .first()
        .getByRole('button', { name: label('检查') })
        .click();
      const inspection = page.getByRole('dialog', { name: '新建检查' });
      await inspection.waitFor();
      const failed = inspection.getByTestId('inspection-checklist').locator('tbody tr', {
        hasText: '临边洞口防护到位',
      });
      await failed.getByText('✗').click();
      await failed.getByLabel('问题描述').fill('三层临边缺防护栏杆');
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/safety/inspections') && r.request().method() === 'POST',
      );
      await inspection.getByRole('button', { name: label('保存') }).click();
      const answer = await saved;
      expect(answer.status(), await answer.text()).toBe(201);
      await inspection.waitFor({ state: 'hidden' });
      await progress.getByText(/^已查 1 \/ \d+ 家$/).waitFor();
      const found = page.getByTestId('campaign-numbers').locator('.ant-statistic', { hasText: '发现隐患' });
      await found.locator('.ant-statistic-content-value').getByText('1', { exact: true }).waitFor();
      await screenshot(page, 'safety-campaign-progress');
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'shows the enterprise account its own record, and takes its self-check hazard',
    async () => {
      const { page, context, problems } = await openPage(browser());
      await signInQuickly(page, 'enterprise', '/safety/enterprises');
      const register = page.getByTestId('safety-enterprises');
      await register.locator('tbody tr.ant-table-row').first().waitFor();
      await expect.poll(() => register.locator('tbody tr.ant-table-row').count()).toBe(1);

      await page.goto('/safety/hazards');
      await page.getByRole('button', { name: '自查上报' }).click();
      const dialog = page.getByRole('dialog', { name: '自查上报' });
      await dialog.waitFor();
      const description = `配电室灭火器过期${Date.now() % 100_000}`;
      await dialog.getByLabel('隐患描述').fill(description);
      await dialog.getByLabel('隐患部位').fill('一号配电室');
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/safety/hazards') && r.request().method() === 'POST',
      );
      await dialog.getByRole('button', { name: label('保存') }).click();
      const answer = await saved;
      expect(answer.status(), await answer.text()).toBe(201);
      expect(await answer.json()).toMatchObject({ source: 'self_check', description });
      const row = page.getByTestId('safety-hazards').locator('tbody tr', { hasText: description });
      await row.getByText('企业自查').waitFor();
      await screenshot(page, 'safety-self-check');
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );
});
