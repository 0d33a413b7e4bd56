import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoPageErrors,
  foldOptions,
  launchBrowser,
  openPage,
  pickInTreeSelect,
  screenshot,
  signIn,
} from './support/browser.js';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

// One administrator session for the whole file: signing in is tested elsewhere.
beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, problems } = await openPage(browser));
  await signIn(page, 'admin');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** The tree node whose org name is exactly `name`. */
function treeNode(name: string) {
  return page.locator('.ant-tree-treenode').filter({ has: page.getByText(name, { exact: true }) });
}

/** Opens a tree node; a click that lands while the tree is still animating is tried again. */
async function expand(name: string) {
  const node = treeNode(name);
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await node.getAttribute('aria-expanded')) === 'true') return;
    if (await node.locator('.ant-tree-switcher_open').count()) return;
    await node.locator('.ant-tree-switcher').click();
    const opened = await page
      .waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await node.elementHandle(), {
        timeout: 3_000,
      })
      .then(() => true)
      .catch(() => false);
    if (opened) return;
  }
}

describe('administration as admin', () => {
  it('browses the org tree down to a grid and shows its staff and map', async () => {
    await page.goto('/orgs');
    // The city opens by itself, with its map.
    await treeNode('海勃湾区').waitFor();
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'orgs-city');
    await expand('海勃湾区');
    await expand('凤凰岭街道');
    await expand('银河社区');
    await treeNode('银河社区第1网格').locator('.ant-tree-node-content-wrapper').click();
    const detail = page.locator('.ant-card').filter({ hasText: '网格力量' });
    await detail.getByText('150302001001001').waitFor();
    for (const duty of ['格长', '网格警', '专职网格员', '兼职网格员']) {
      expect(await detail.getByText(duty, { exact: true }).count()).toBeGreaterThan(0);
    }
    const breadcrumb = await page.locator('.ant-breadcrumb').innerText();
    expect(breadcrumb).toMatch(/乌海市.*海勃湾区.*凤凰岭街道.*银河社区/s);
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'orgs-grid');
  });

  it('selects the grid under a click on the map', async () => {
    const canvas = page.locator('canvas').first();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no map');
    const locate = page.waitForResponse((r) => r.url().includes('/api/v1/orgs/locate'));
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const answer = await (await locate).json();
    if (answer.grid) {
      await page.locator('.ant-card-head-title').filter({ hasText: answer.grid.name }).waitFor();
    }
  });

  it('creates a user: the field errors first, then the user', async () => {
    await page.goto('/users');
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('agent');
    await dialog.getByLabel('姓名').fill('端到端测试员');
    await pickInTreeSelect(page, dialog, '所属组织', '乌海市（市）');
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '派单员' }).click();
    await foldOptions(dialog);
    await dialog.getByLabel('手机号').fill('13900001234');
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(['密码至少 8 位']);

    // The password now passes; the username is taken, which only the server knows.
    await dialog.getByLabel('初始密码').fill('Welcome-Lantern-26');
    const create = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await create).status()).toBe(409);
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(['用户名已存在']);
    await screenshot(page, 'users-create-errors');

    await dialog.getByLabel('用户名').fill('e2e_tester');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('用户已创建').waitFor();
    await page.getByPlaceholder('用户名或姓名').fill('e2e_tester');
    await page.getByPlaceholder('用户名或姓名').press('Enter');
    await page.locator('.ant-table-row', { hasText: 'e2e_tester' }).waitFor();
    expect(await page.locator('.ant-table-row', { hasText: 'e2e_tester' }).innerText()).toContain('派单员');
  });

  it('shows the role × permission matrix', async () => {
    await page.goto('/roles');
    // permissions by their Chinese labels, not their codes; some 3,000 checkboxes take a busy machine a while
    await page.getByText('查看完整个人信息').waitFor({ timeout: 60_000 });
    expect(await page.getByText('personal_data.read').count()).toBe(0);
    expect(await page.locator('thead').first().innerText()).toContain('系统管理员');
    await screenshot(page, 'roles');
  });

  it('shows the catalogue with a leaf editor and the grid item list', async () => {
    await page.goto('/catalog');
    await treeNode('城乡建设').waitFor();
    await expand('城乡建设');
    await expand('安全生产');
    await treeNode('事故处理').locator('.ant-tree-node-content-wrapper').click();
    const editor = page.locator('form[id="category-form"]');
    await editor.getByText('签收时限').waitFor();
    expect(await editor.getByText('办理时限').count()).toBe(1);
    expect(await editor.locator('.ant-select-selection-item', { hasText: '乌海市应急管理局' }).count()).toBe(
      1,
    );
    expect(await editor.locator('.ant-select-selection-item', { hasText: '自然分钟' }).count()).toBe(1);
    await screenshot(page, 'catalog');
    await page.getByRole('tab', { name: '网格事项准入清单' }).click();
    await page.getByText('共 8 个大项、141 个小项').waitFor();
    await screenshot(page, 'catalog-grid-items');
  });

  it('shows the 2026 calendar with National Day', async () => {
    await page.goto('/calendar');
    const year = page.getByRole('combobox', { name: '选择年份' });
    await year.waitFor();
    if (!(await page.getByText('2026 年', { exact: true }).count())) {
      await year.click();
      await page.locator('.ant-select-item-option', { hasText: '2026' }).click();
    }
    await page.getByRole('cell', { name: '国庆节' }).waitFor();
    expect(await page.locator('[data-date="2026-10-01"]').innerText()).toContain('休');
    await page.getByRole('button', { name: /计\s*算/ }).click();
    await page.getByTestId('deadline-result').waitFor();
    await screenshot(page, 'calendar');
  });

  it('edits the knowledge base: the answer the agent finds, and a reply template', async () => {
    await page.goto('/knowledge');
    await page.locator('.ant-table-row').first().waitFor();
    // a paged list: the table's pager asks the server for the page and shows the total it answered
    await page
      .getByText(/共 \d+ 条/)
      .first()
      .waitFor();
    const second = page.waitForResponse(
      (r) => r.url().includes('/api/v1/knowledge?') && new URL(r.url()).searchParams.get('page') === '2',
    );
    await page.locator('.ant-pagination-item-2').first().click();
    expect((await second).status()).toBe(200);
    await page.locator('.ant-pagination-item-active', { hasText: '2' }).first().waitFor();
    await page.getByRole('button', { name: '新增条目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(['请输入问题', '请输入答案']);
    await dialog.getByLabel('问题').fill('端到端测试：独生子女父母奖励金怎么领？');
    await dialog.getByLabel('答案').fill('持户口簿和独生子女父母光荣证到户籍所在地社区申领。');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/knowledge') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await created).status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    const search = page.getByLabel('按问题、答案或标签搜索（分词检索）');
    await search.fill('独生子女');
    await search.press('Enter');
    await page.locator('.ant-table-row', { hasText: '独生子女父母奖励金' }).waitFor();
    await screenshot(page, 'knowledge');

    await page.getByRole('tab', { name: '回复样板' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: '新增样板' }).click();
    const templateDialog = page.getByRole('dialog');
    await templateDialog.getByLabel('样板名称').fill('端到端测试样板');
    await templateDialog.getByLabel('样板内容').fill('{citizenName}您好：您反映的问题已由{unitNam}处理。');
    await templateDialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(() => templateDialog.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual([expect.stringContaining('未知的占位符 {unitNam}')]);
    await templateDialog.getByLabel('样板内容').fill('{citizenName}您好：您反映的问题已由{unitName}处理。');
    await templateDialog.getByRole('button', { name: /保\s*存/ }).click();
    await templateDialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row', { hasText: '端到端测试样板' }).waitFor();
    await screenshot(page, 'reply-templates');
  });

  it("changes the rework limit on 办理设置 and checks the measures' weights", async () => {
    await page.goto('/settings');
    const caseForm = page.locator('#case-settings');
    const amount = caseForm.getByRole('spinbutton', { name: '时限' });
    await expect.poll(() => amount.inputValue()).toBe('3');
    expect(await caseForm.getByRole('switch', { name: '智能派单' }).isChecked()).toBe(true);
    await amount.fill('');
    await caseForm.getByRole('button', { name: /保\s*存/ }).click();
    await caseForm.locator('.ant-form-item-explain-error', { hasText: '时限须为数字' }).waitFor();

    const save = async (value: string) => {
      await amount.fill(value);
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/case-settings') && r.request().method() === 'PUT',
      );
      await caseForm.getByRole('button', { name: /保\s*存/ }).click();
      expect((await saved).status()).toBe(200);
    };
    await save('4');
    await page.reload();
    await expect.poll(() => amount.inputValue()).toBe('4');

    // the published weights 10 / 50 / 40; weights that do not add up are refused before any request
    const kpiForm = page.locator('#kpi-settings');
    const response = kpiForm.getByLabel('响应率权重');
    await expect.poll(() => response.inputValue()).toBe('10.0');
    await response.fill('20');
    await kpiForm.getByRole('button', { name: /保\s*存/ }).click();
    await kpiForm.locator('.ant-form-item-explain-error', { hasText: '三率权重之和必须等于 1' }).waitFor();
    await screenshot(page, 'settings');
    await save('3');

    // 信访时限: the regulations' values, changed and restored
    const limitsForm = page.locator('#petition-limits');
    const answerDays = limitsForm.getByLabel('办理答复期限');
    await expect.poll(() => answerDays.inputValue()).toBe('60');
    const saveLimits = async () => {
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/petitions/settings') && r.request().method() === 'PUT',
      );
      await limitsForm.getByRole('button', { name: /保\s*存/ }).click();
      return (await saved).request().postDataJSON();
    };
    await answerDays.fill('45');
    expect(await saveLimits()).toMatchObject({ answerDays: 45, acceptDays: 15 });
    await page.reload();
    await expect.poll(() => answerDays.inputValue()).toBe('45');
    await limitsForm.getByRole('button', { name: '恢复条例规定' }).click();
    expect(await saveLimits()).toMatchObject({ answerDays: 60 });

    // 派单规则: a weight changed and the defaults restored
    const weightsForm = page.locator('#market-dispatch-weights');
    const distance = weightsForm.getByLabel('距离权重（每公里）');
    await expect.poll(() => distance.inputValue()).toBe('1.0');
    const saveWeights = async () => {
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/market/settings/dispatch') && r.request().method() === 'PUT',
      );
      await weightsForm.getByRole('button', { name: /保\s*存/ }).click();
      return (await saved).request().postDataJSON();
    };
    await distance.fill('3');
    expect(await saveWeights()).toMatchObject({ distance: 3, openOrders: 10 });
    await weightsForm.getByRole('button', { name: '恢复默认值' }).click();
    expect(await saveWeights()).toMatchObject({ distance: 1 });
  });

  it('lists the audit trail, newest first', async () => {
    await page.goto('/audit');
    await page.locator('.ant-table-row').first().waitFor();
    const rows = await page.locator('.ant-table-row').allInnerTexts();
    const times = rows.map((row) => row.slice(0, 19));
    expect([...times].sort().reverse()).toEqual(times);
    // Other test files sign in meanwhile, so the user created above is found with the filter.
    const filter = page.getByRole('combobox', { name: '按操作筛选，如 auth.login_failed' });
    await filter.fill('user.created');
    const filtered = page.waitForResponse((r) => r.url().includes('action=user.created'));
    await filter.press('Enter');
    await filtered;
    await expect.poll(() => page.locator('.ant-table-row').first().innerText()).toContain('新建用户');
    await screenshot(page, 'audit');
    expectNoPageErrors(problems);
  });
});
