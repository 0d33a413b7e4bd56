import fs from 'node:fs';
import ExcelJS from 'exceljs';
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
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

/** Last month in Beijing time, `YYYY-MM`, and its first and last day: a period that has ended. */
function lastMonth(): { period: string; from: string; to: string } {
  const beijing = new Date(Date.now() + 8 * 3_600_000);
  const first = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), 0));
  return {
    period: first.toISOString().slice(0, 7),
    from: first.toISOString().slice(0, 10),
    to: last.toISOString().slice(0, 10),
  };
}

describe('reports', () => {
  it('generates the monthly report of the city, shows its progress and downloads Word and Excel', async () => {
    const month = lastMonth();
    const api = await staffApi('leader');
    const city = (
      (await (await api.get('/api/v1/orgs?kind=city')).json()) as {
        items: { id: number; name: string; kind: string }[];
      }
    ).items.find((o) => o.name === '乌海市' && o.kind === 'city')!;
    const kpis = (await (
      await api.get(`/api/v1/kpis?org=${city.id}&from=${month.from}&to=${month.to}`)
    ).json()) as {
      counts: { total: number; overdue: number };
      rates: { satisfactionRate: { value: number | null } };
    };

    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'leader', '/reports');
    await page.getByRole('heading', { name: '报告', exact: true }).waitFor();
    await screenshot(page, 'reports-list');

    await page.getByRole('button', { name: /生成报告/ }).click();
    const dialog = page.getByRole('dialog', { name: '生成报告' });
    await dialog.waitFor();
    await chooseOption(page, dialog, '报告类型', '每月总结');
    await pickInTreeSelect(page, dialog, '组织', '乌海市');
    const picker = dialog.getByLabel('统计周期');
    await picker.click();
    await picker.fill(month.period);
    await picker.press('Enter');
    await screenshot(page, 'reports-generate');
    await dialog.getByRole('button', { name: /开始生成/ }).click();

    const progress = dialog.getByTestId('report-progress');
    await progress.locator('.ant-progress').waitFor();
    await screenshot(page, 'reports-progress');
    await progress.getByText(/已生成/).waitFor({ timeout: 30_000 });
    await screenshot(page, 'reports-ready');

    const [word] = await Promise.all([
      page.waitForEvent('download'),
      progress.getByRole('link', { name: /Word/ }).click(),
    ]);
    expect(word.suggestedFilename()).toMatch(/^乌海市 .*每月总结\.docx$/);
    const zip = await JSZip.loadAsync(fs.readFileSync(await word.path()));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('研判专刊');
    expect(text).toContain(`共登记诉求 ${kpis.counts.total} 件`);

    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      progress.getByRole('link', { name: /Excel/ }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await excel.path());
    const overview = workbook.getWorksheet('主要指标')!;
    const rows = new Map<string, unknown>();
    overview.eachRow((row) => {
      rows.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(rows.get('登记件数')).toBe(kpis.counts.total);
    expect(rows.get('超期件数')).toBe(kpis.counts.overdue);
    if (kpis.rates.satisfactionRate.value !== null) {
      expect(rows.get('满意率')).toBeCloseTo(kpis.rates.satisfactionRate.value, 12);
    }

    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await page
      .locator('.ant-table-row', { hasText: `乌海市` })
      .filter({ hasText: '已完成' })
      .first()
      .waitFor();
    await screenshot(page, 'reports-list-ready');
    expectNoPageErrors(problems);
    await context.close();
    await api.dispose();
  });

  it('lets the administrator schedule a report in the browser, refusing a malformed time', async () => {
    const admin = await staffApi('admin');
    const { page, context, problems } = await openPage(browser());
    try {
      await signInQuickly(page, 'admin', '/reports');
      await page.getByRole('button', { name: '定时生成' }).click();
      const dialog = page.getByRole('dialog', { name: '定时生成' });
      await dialog.getByText('尚未设定，报告只按需生成').waitFor();
      await dialog.getByRole('button', { name: '添加定时报告' }).click();
      const at = dialog.getByLabel('生成时间');
      await at.fill('25:00');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.getByText('生成时间格式应为 HH:MM').waitFor();
      // late in the evening, so that the schedule owes nothing while the other tests run
      await at.fill('23:59');
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/reports/schedule') && r.request().method() === 'PUT',
      );
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      expect((await saved).status()).toBe(200);
      await dialog.waitFor({ state: 'hidden' });
      const schedule = await (await admin.get('/api/v1/reports/schedule')).json();
      expect(schedule).toEqual({ entries: [{ kind: 'daily', at: '23:59' }] });
      expectNoPageErrors(problems);
    } finally {
      await admin.put('/api/v1/reports/schedule', { data: { entries: [] } });
      await context.close();
      await admin.dispose();
    }
  });

  it('fills an empty schedule with the city rhythm (daily 08:00, weekly 08:30, monthly 09:00)', async () => {
    const { page, context, problems } = await openPage(browser());
    try {
      await signInQuickly(page, 'admin', '/reports');
      await page.getByRole('button', { name: '定时生成' }).click();
      const dialog = page.getByRole('dialog', { name: '定时生成' });
      await dialog.getByText('尚未设定，报告只按需生成').waitFor();
      await dialog.getByRole('button', { name: '按全市日报·周报·月报节奏填入' }).click();
      const times = dialog.getByLabel('生成时间');
      await expect.poll(() => times.count()).toBe(3);
      expect(await Promise.all([0, 1, 2].map((i) => times.nth(i).inputValue()))).toEqual([
        '08:00',
        '08:30',
        '09:00',
      ]);
      await expect
        .poll(() => dialog.getByRole('button', { name: '按全市日报·周报·月报节奏填入' }).count())
        .toBe(0);
      expectNoPageErrors(problems);
    } finally {
      await context.close();
    }
  });

  it('shows a scheduled community by its name, though its level of the tree is not open', async () => {
    const admin = await staffApi('admin');
    const community = (
      (await (await admin.get('/api/v1/orgs?kind=community&pageSize=1')).json()) as {
        items: { id: number; name: string }[];
      }
    ).items[0]!;
    await admin.put('/api/v1/reports/schedule', {
      data: { entries: [{ kind: 'weekly', org: community.id, at: '23:58' }] },
    });
    const { page, context, problems } = await openPage(browser());
    try {
      await signInQuickly(page, 'admin', '/reports');
      await page.getByRole('button', { name: '定时生成' }).click();
      const dialog = page.getByRole('dialog', { name: '定时生成' });
      await expect.poll(() => dialog.getByText(community.name, { exact: false }).count()).toBeGreaterThan(0);
      expectNoPageErrors(problems);
    } finally {
      await admin.put('/api/v1/reports/schedule', { data: { entries: [] } });
      await context.close();
      await admin.dispose();
    }
  });
});
