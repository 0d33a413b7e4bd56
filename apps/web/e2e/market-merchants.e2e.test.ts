import { describe, expect, it } from 'vitest';
import { completeCreditCode } from '../../../packages/shared/src/grid/credit-code.js';
import {
  chooseOption,
  expectNoPageErrors,
  openPage,
  pickInTreeSelect,
  screenshot,
  sharedBrowser,
  signInQuickly,
} from './support/browser.js';

const browser = sharedBrowser();

const PHONE_SIZE = { width: 390, height: 844 };
const MERCHANT = '海勃湾快修电脑服务部';
const MERCHANT_PHONE = '13947306543';
// Each step waits on a real server; on a shared, busy machine a step may take longer than the default.
const STEP_TIMEOUT = 240_000;

describe('民需我应: a merchant joins and the centre keeps the items', () => {
  it(
    'applies on the portal, is approved in 商户管理 with a first account, and an item is edited in 服务项目管理',
    async () => {
      // 商户入驻 at phone width, from the portal's market page
      const applicant = await openPage(browser(), PHONE_SIZE);
      await applicant.page.goto('/portal/market');
      await applicant.page.getByRole('link', { name: /商户入驻申请/ }).click();
      const form = applicant.page.getByRole('form', { name: '商户入驻' });
      await form.waitFor({ timeout: 45_000 });
      await form.getByLabel('商户名称').fill(MERCHANT);
      await form.getByLabel('统一社会信用代码').fill(completeCreditCode('91150302MA0CD5670'));
      await form.getByLabel('联系人').fill('赵师傅');
      await form.getByLabel('联系电话').fill(MERCHANT_PHONE);
      await chooseOption(applicant.page, form, '服务项目', '电脑维修', '电脑');
      await applicant.page.keyboard.press('Escape');
      await form.getByLabel('电脑维修 最低价').fill('60');
      await form.getByLabel('电脑维修 最高价').fill('260');
      await pickInTreeSelect(applicant.page, form, '服务区域', '海勃湾区');
      await applicant.page.keyboard.press('Escape');
      await screenshot(applicant.page, 'market-merchant-apply');
      const sent = applicant.page.waitForResponse((r) => r.url().endsWith('/merchant-applications'));
      await form.getByRole('button', { name: /提交入驻申请/ }).click();
      expect((await sent).status()).toBe(201);
      const number = (await applicant.page.getByTestId('application-number').innerText()).trim();
      expect(number).toMatch(/^RZ\d{14}$/);
      await applicant.page.getByText('入驻申请已提交').waitFor();
      expectNoPageErrors(applicant.problems);
      await applicant.context.close();

      // the centre's dispatcher finds it by name and approves it: the first account's password, shown once
      const reviewer = await openPage(browser());
      await signInQuickly(reviewer.page, 'dispatcher', '/market/merchants');
      await reviewer.page.getByLabel('商户名称或信用代码').fill('快修电脑');
      await reviewer.page.getByLabel('商户名称或信用代码').press('Enter');
      const row = reviewer.page
        .getByTestId('market-merchants')
        .getByRole('row', { name: new RegExp(number) });
      await row.waitFor({ timeout: 30_000 });
      expect(await row.innerText()).toContain('待审核');
      await row.click();
      const drawer = reviewer.page.locator('.ant-drawer-content');
      await drawer.getByText('电脑维修 60–260 元').waitFor();
      await drawer.getByRole('button', { name: /^通\s*过$/ }).click();
      const confirm = reviewer.page.getByRole('dialog', { name: new RegExp(`通过 · ${MERCHANT}`) });
      await confirm.getByRole('button', { name: /^通\s*过$/ }).click();
      const opened = reviewer.page.getByRole('dialog', { name: '商户账号已开通' });
      await opened.waitFor();
      expect(await opened.getByTestId('merchant-username').innerText()).toContain(`m${MERCHANT_PHONE}`);
      expect((await opened.getByTestId('merchant-password').innerText()).trim()).toHaveLength(16);
      await screenshot(reviewer.page, 'market-merchant-approved');
      await opened.getByRole('button', { name: /OK|确\s*定/ }).click();
      await expect.poll(() => drawer.innerText()).toContain('已入驻');
      await expect.poll(() => row.innerText()).toContain('已入驻');
      expectNoPageErrors(reviewer.problems);
      await reviewer.context.close();

      // the administrator raises an item's price ceiling
      const admin = await openPage(browser());
      await signInQuickly(admin.page, 'admin', '/market/items');
      const items = admin.page.getByTestId('market-items');
      await items.getByRole('button', { name: '编辑 手机维修' }).click();
      const dialog = admin.page.getByRole('dialog', { name: /编辑 · 手机维修/ });
      await dialog.getByLabel('最高价（元）').fill('600');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const phoneRow = items.getByRole('row', { name: /手机维修/ });
      await expect.poll(() => phoneRow.innerText()).toContain('50–600');
      await screenshot(admin.page, 'market-items-edited');
      expectNoPageErrors(admin.problems);
      await admin.context.close();
    },
    STEP_TIMEOUT,
  );
});
