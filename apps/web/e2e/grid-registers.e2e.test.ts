import ExcelJS from 'exceljs';
import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseOption,
  expectNoPageErrors,
  openPage,
  screenshot,
  sharedBrowser,
  signInQuickly,
  tick,
} from './support/browser.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid ID number (GB 11643) of an area the demo register never draws from: no clash with its people. */
function idNumber(serial: number): string {
  const day = new Date(Date.UTC(1975, 0, 1) + Math.floor(serial / 1000) * 86_400_000);
  const first17 = `110108${day.toISOString().slice(0, 10).replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}

const HEADER = [
  '*所属网格编码',
  '*小区/街路巷',
  '楼栋',
  '单元',
  '房号',
  '*姓名',
  '*公民身份号码',
  '联系电话',
  '*人口类型',
];

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('实有人口');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

let grid: APIRequestContext;
let gridCode: string;
beforeAll(async () => {
  grid = await staffApi('grid');
  const me = (await (await grid.get('/api/v1/me')).json()) as { org: { code: string } };
  gridCode = me.org.code;
});
afterAll(() => grid?.dispose());

describe('the grid’s registers on the console', () => {
  it('imports residents from Excel: every bad row named by its number, then a good file with its progress', async () => {
    const row = (serial: number, id = idNumber(serial), code = gridCode) => [
      code,
      '导入测试小区',
      '2号楼',
      '1单元',
      String(100 + (serial % 50)),
      `导入居民${serial}`,
      id,
      null,
      '户籍人口',
    ];
    const bad = await workbook([
      row(1),
      row(2, `${idNumber(2).slice(0, 17)}${idNumber(2).endsWith('0') ? '1' : '0'}`),
      row(3),
      row(4, idNumber(3)),
      row(5, idNumber(5), '150302000000000'),
    ]);
    const good = await workbook(Array.from({ length: 300 }, (_, i) => row(1000 + i)));

    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'grid', '/grid/residents');
    await page.getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog', { name: '导入实有人口' });
    await dialog.getByRole('button', { name: '下载模板' }).waitFor();
    await dialog.locator('input[type=file]').setInputFiles({
      name: '实有人口.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    await dialog.getByText('导入失败，未导入任何数据').waitFor();
    const problemsShown = await dialog.locator('.ant-table-row').allInnerTexts();
    expect(problemsShown.join('\n')).toContain('校验位错误');
    expect(problemsShown.join('\n')).toContain('与第 4 行的号码重复');
    expect(problemsShown.join('\n')).toContain('网格编码 150302000000000 不存在');
    expect(problemsShown.map((text) => text.split(/\s/)[0])).toEqual(['3', '5', '6']);
    await screenshot(page, 'registers-import-errors');

    await dialog.getByRole('button', { name: '重新选择文件' }).click();
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/grid/register-imports/residents'));
    await dialog.locator('input[type=file]').setInputFiles({
      name: '实有人口.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: good,
    });
    await dialog
      .getByTestId('import-progress')
      .or(dialog.getByText(/导入完成/))
      .first()
      .waitFor();
    expect((await answered).status()).toBe(200);
    await dialog.getByText('导入完成：共 300 行，新增房屋 50 处、人员 300 人、单位 0 家').waitFor();
    await screenshot(page, 'registers-import-done');
    await page.keyboard.press('Escape');

    await page.getByRole('searchbox', { name: '关键词' }).fill('导入居民1007');
    await page.getByRole('searchbox', { name: '关键词' }).press('Enter');
    const found = page.locator('.ant-table-row', { hasText: '导入居民1007' });
    await found.waitFor();
    expect(await found.innerText()).toContain(
      `${idNumber(1007).slice(0, 6)}********${idNumber(1007).slice(-4)}`,
    );
    expectNoPageErrors(problems);
    await context.close();
  });

  it('shows a household with its people masked, reads one’s numbers in full (audited) and records a visit', async () => {
    const house = await grid.post('/api/v1/grid/houses', {
      data: {
        gridId: ((await (await grid.get('/api/v1/me')).json()) as { org: { id: number } }).org.id,
        address: '走访测试小区',
        building: '1号楼',
        unit: '2单元',
        room: '301',
        use: 'residential',
        occupancy: 'owner_occupied',
      },
    });
    expect(house.status(), await house.text()).toBe(201);
    const houseId = ((await house.json()) as { id: number }).id;
    const resident = await grid.post('/api/v1/grid/residents', {
      data: {
        houseId,
        name: '张桂兰',
        idNumber: idNumber(9001),
        phone: '13847301234',
        populationType: 'registered',
        householdRelation: 'head',
        flags: ['elderly_alone'],
      },
    });
    expect(resident.status(), await resident.text()).toBe(201);

    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'grid', `/grid/houses/${houseId}`);
    await page.getByRole('heading', { name: '走访测试小区1号楼2单元301' }).waitFor();
    const member = page.locator('.ant-table-row', { hasText: '张桂兰' });
    await member.waitFor();
    expect(await member.innerText()).toContain('138****1234');
    expect(await member.innerText()).not.toContain(idNumber(9001));
    await member.getByRole('button', { name: '查看完整号码' }).click();
    await page.getByTestId('full-idNumber').getByText(idNumber(9001)).waitFor();
    await page.getByText('本次查看已记入审计日志').waitFor();
    await screenshot(page, 'household-reveal');
    await page.getByRole('button', { name: /知道了|OK/ }).click();
    // the numbers' dialog fades out over the page: a click while it does lands on its mask
    await page.getByText('本次查看已记入审计日志').waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '登记走访' }).click();
    const dialog = page.getByRole('dialog', { name: /登记入户走访/ });
    await dialog.waitFor();
    await chooseOption(page, dialog, '走访事由', '关爱帮扶');
    // a click while the list folds away may land on it rather than on the box below
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await tick(dialog.getByLabel('张桂兰'));
    await dialog.getByLabel('走访情况').fill('老人身体状况良好，反映楼道灯不亮');
    await dialog.getByRole('button', { name: '添加需求' }).click();
    await dialog.getByLabel('需求描述').fill('楼道灯不亮，夜间出行不便');
    await tick(dialog.getByLabel('登记为网格事件'));
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/grid/visits') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await saved).status()).toBe(201);
    const visit = page.getByTestId('visit').first();
    await visit.getByText('老人身体状况良好，反映楼道灯不亮').waitFor();
    await visit.getByText(/已登记为网格事件 #\d+/).waitFor();
    expect(await visit.innerText()).toContain('张桂兰');
    await screenshot(page, 'household');
    expectNoPageErrors(problems);
    await context.close();

    // the leader reads the same household with names masked, and neither reads numbers nor records visits
    const asLeader = await openPage(browser());
    await signInQuickly(asLeader.page, 'leader', `/grid/houses/${houseId}`);
    await asLeader.page.locator('.ant-table-row', { hasText: '张**' }).waitFor();
    expect(await asLeader.page.getByRole('button', { name: '查看完整号码' }).count()).toBe(0);
    expect(await asLeader.page.getByRole('button', { name: '登记走访' }).count()).toBe(0);
    await asLeader.context.close();

    const admin = await staffApi('admin');
    const audit = (await (
      await admin.get('/api/v1/audit?action=grid_register.personal_data_read')
    ).json()) as {
      items: { actorUsername: string }[];
    };
    expect(audit.items[0]?.actorUsername).toBe('grid');
    await admin.dispose();
  });

  it('shows the coverage of the grids’ visits to the town', async () => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, 'handler_wd', '/grid/visits');
    await page.getByText('30 天覆盖率').first().waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    const shares = await page.locator('.ant-statistic-content-value').allInnerTexts();
    expect(shares.some((text) => /\d+\.\d%/.test(text))).toBe(true);
    await screenshot(page, 'visit-coverage');
    expectNoPageErrors(problems);
    await context.close();
  });
});
