import { describe, expect, it } from 'vitest';
import {
  expectNoPageErrors,
  menuLabels,
  openPage,
  screenshot,
  sharedBrowser,
  signIn,
  signInQuickly,
} from './support/browser.js';

const browser = sharedBrowser();

const REFERENCE = ['组织机构', '事项目录', '工作日历'];
/** 网格管理: for every role that reads the grids (grid.read) and, in the demo city, their registers. */
const GRID = [
  '网格统计',
  '巡查发现',
  '巡查记录',
  '漏巡与巡查计划',
  '网格任务',
  '网格事项准入',
  '房屋',
  '实有人口',
  '单位组织',
  '入户走访',
];

/** 矛盾调解: intake, the list, the numbers and the committees for those who read disputes (mediation.read). */
const MEDIATION = ['纠纷登记', '纠纷列表', '调解统计', '调解组织'];
/** …with 我的调解 for those who record sessions (a mediator, and the administrator who holds every right). */
const MEDIATION_ALL = ['纠纷登记', '纠纷列表', '我的调解', '调解统计', '调解组织'];
/** …and what supervisors and leaders read: the list, the numbers and the committees. */
const MEDIATION_READ = ['纠纷列表', '调解统计', '调解组织'];
/** 信访代办: intake for the petition agents (and the administrator), the lists for those who read petitions. */
const PETITION_LISTS = ['信访事项', '风险预警', '信访统计'];
const PETITIONS = ['信访登记', ...PETITION_LISTS];

/** 便民服务: the orders and their numbers for the centre's staff who read them (market.read). */
const MARKET = ['服务订单', '便民服务统计'];
/** … the centre's dispatchers review the merchants too, and the administrator keeps the service items */
const MARKET_CENTRE = [...MARKET, '商户管理'];
const MARKET_ALL = [...MARKET_CENTRE, '服务项目管理'];

/** 安全生产 for those who inspect (a unit's or town's handlers, the administrator) … */
const SAFETY_ALL = ['企业台账', '监督检查', '专项排查', '隐患排查治理', '隐患统计'];
/** …for those who keep the register and run campaigns without inspecting (the centre's dispatchers) … */
const SAFETY_MANAGE = ['企业台账', '专项排查', '隐患排查治理', '隐患统计'];
/** …and for those who read the register and the hazards (grid workers, supervisors, leaders). */
const SAFETY_READ = ['企业台账', '隐患排查治理', '隐患统计'];

/** 智安小区 for those who read alerts (the centre, units, towns, grid workers, supervisors, leaders) … */
const IOT_READ = ['告警看板', '小区与设备'];
/** …with the rules for those who edit them (the centre's dispatchers, the administrator). */
const IOT_ALL = [...IOT_READ, '处置规则'];

/** What each demo account finds in the side menu: the spec of `menu.ts` against the seeded grants. */
const MENUS: Record<string, string[]> = {
  // the administrator holds the work queues' permissions to grant them, not to work them
  admin: [
    '首页',
    '坐席受理',
    '工单查询',
    '考核',
    '报告',
    '指挥大屏',
    ...GRID,
    ...MEDIATION_ALL,
    ...PETITIONS,
    ...MARKET_ALL,
    ...SAFETY_ALL,
    ...IOT_ALL,
    ...REFERENCE,
    '知识库',
    '用户管理',
    '角色权限',
    '办理设置',
    '开放接口',
    '审计日志',
  ],
  agent: ['首页', '坐席受理', '工单查询', '回访', ...MEDIATION, ...PETITIONS, ...MARKET, ...REFERENCE],
  dispatcher: [
    '首页',
    '坐席受理',
    '派单中心',
    '工单查询',
    '考核',
    '报告',
    '指挥大屏',
    ...GRID,
    ...MEDIATION,
    ...PETITIONS,
    ...MARKET_CENTRE,
    ...SAFETY_MANAGE,
    ...IOT_ALL,
    ...REFERENCE,
    '用户管理',
  ],
  dispatcher_hbw: [
    '首页',
    '坐席受理',
    '派单中心',
    '工单查询',
    '考核',
    '报告',
    '指挥大屏',
    ...GRID,
    ...MEDIATION,
    ...PETITIONS,
    ...MARKET_CENTRE,
    ...SAFETY_MANAGE,
    ...IOT_ALL,
    ...REFERENCE,
    '用户管理',
  ],
  handler: ['首页', '承办工作台', '工单查询', ...GRID, ...SAFETY_ALL, ...IOT_READ, ...REFERENCE],
  handler_wd: ['首页', '承办工作台', '工单查询', ...GRID, ...SAFETY_ALL, ...IOT_READ, ...REFERENCE],
  grid: [
    '首页',
    '坐席受理',
    '承办工作台',
    '工单查询',
    ...GRID,
    '纠纷登记',
    ...SAFETY_READ,
    ...IOT_READ,
    ...REFERENCE,
  ],
  // the mediator reads no cases: disputes are his
  mediator: ['首页', '坐席受理', ...MEDIATION_ALL, ...REFERENCE],
  // the petition agent (a police officer) takes petitions in and carries them through; no cases
  petition: ['首页', ...PETITIONS, ...REFERENCE],
  supervisor: [
    '首页',
    '坐席受理',
    '工单查询',
    '督办',
    '考核',
    '报告',
    '指挥大屏',
    ...GRID,
    ...MEDIATION_READ,
    ...PETITION_LISTS,
    ...SAFETY_READ,
    ...IOT_READ,
    ...REFERENCE,
    '用户管理',
  ],
  leader: [
    '首页',
    '坐席受理',
    '工单查询',
    '督办',
    '考核',
    '报告',
    '指挥大屏',
    ...GRID,
    ...MEDIATION_READ,
    ...PETITION_LISTS,
    ...SAFETY_READ,
    ...IOT_READ,
    ...REFERENCE,
    '用户管理',
  ],
};

describe('signing in', () => {
  it('says so when the password is wrong', async () => {
    const { page, context, problems } = await openPage(browser());
    await page.goto('/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('用户名或密码');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-wrong-password');
    expectNoPageErrors(problems);
    await context.close();
  });

  it('shows the field errors of an empty form without calling the server', async () => {
    const { page, context } = await openPage(browser());
    await page.goto('/login');
    let calls = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/auth/login')) calls++;
    });
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(['请输入用户名', '请输入密码']);
    expect(calls).toBe(0);
    await screenshot(page, 'login-empty');
    await context.close();
  });

  it('signs in with the form and lands on the home page', async () => {
    const { page, context, problems } = await openPage(browser());
    await signIn(page, 'admin');
    await page.getByText('欢迎，系统管理员').waitFor();
    await screenshot(page, 'home-admin');
    expectNoPageErrors(problems);
    await context.close();
  });

  it.each(Object.entries(MENUS))('gives %s the menu of his role', async (username, expected) => {
    const { page, context, problems } = await openPage(browser());
    await signInQuickly(page, username);
    expect(await menuLabels(page)).toEqual(expected);
    expectNoPageErrors(problems);
    await context.close();
  });

  it('refuses a page outside the role even by its address', async () => {
    const { page, context } = await openPage(browser());
    await signInQuickly(page, 'handler', '/users');
    await expect.poll(() => page.getByText('无权访问').count()).toBe(1);
    await context.close();
  });
});
