import { describe, expect, it } from 'vitest';
import {
  chooseOption,
  foldOptions,
  openPage,
  pickInTreeSelect,
  screenshot,
  sharedBrowser,
  signInQuickly,
} from './support/browser.js';
import { buttonName } from './support/lifecycle-actions.js';

const browser = sharedBrowser();

const STEP_TIMEOUT = 240_000;
/** A name no run before this one used (the e2e database outlives a run). */
const NAME = `乌海市物业服务纠纷人民调解委员会（${Date.now().toString(36)}）`;

describe('调解组织 administered in the console', () => {
  it(
    'creates a specialised committee, adds a user to it as a 金牌调解员, and removes him',
    async () => {
      const { page } = await openPage(browser());
      page.context().setDefaultTimeout(60_000);
      await signInQuickly(page, 'admin', '/mediation/committees');
      await page.getByTestId('committees').locator('.ant-table-row').first().waitFor();

      await page.getByRole('button', { name: '新建调解组织' }).click();
      const create = page.getByRole('dialog');
      await create.getByLabel('名称').fill(NAME);
      await pickInTreeSelect(page, create, '所在组织', '乌海市（市）');
      await chooseOption(page, create, '专业领域', '物业纠纷');
      await foldOptions(create);
      await create.locator('.ant-select-selection-item', { hasText: '物业纠纷' }).waitFor();
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/mediation/committees') && r.request().method() === 'POST',
      );
      await create.getByRole('button', { name: buttonName('保存') }).click();
      expect((await created).status()).toBe(201);
      await create.waitFor({ state: 'hidden' });
      const card = page.locator('.ant-card').filter({ hasText: `${NAME} · 调解员` });
      await card.waitFor();
      await page.getByTestId('committees').getByText(NAME).waitFor();

      await card.getByRole('button', { name: '添加调解员' }).click();
      const add = page.getByRole('dialog');
      await chooseOption(page, add, '用户', '（handler_wd ·', 'handler_wd');
      await chooseOption(page, add, '擅长领域', '物业纠纷');
      await foldOptions(add);
      await add.getByLabel('金牌调解员').click();
      const added = page.waitForResponse(
        (r) => r.url().includes('/mediators') && r.request().method() === 'POST',
      );
      await add.getByRole('button', { name: buttonName('添加') }).click();
      expect((await added).status()).toBe(201);
      await add.waitFor({ state: 'hidden' });
      const row = card.getByTestId('mediators').locator('.ant-table-row').first();
      await row.getByText('物业纠纷').waitFor();
      await row.getByText('金牌调解员').waitFor();
      await screenshot(page, 'committees-admin');

      await row.getByRole('button', { name: buttonName('移除') }).click();
      const removed = page.waitForResponse((r) => r.request().method() === 'DELETE');
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: buttonName('确定') })
        .click();
      expect((await removed).status()).toBe(204);
      await card.getByTestId('mediators').locator('.ant-table-row').first().waitFor({ state: 'detached' });
      await page.context().close();
    },
    STEP_TIMEOUT,
  );

  it(
    'offers no administration to a mediator',
    async () => {
      const { page } = await openPage(browser());
      await signInQuickly(page, 'mediator', '/mediation/committees');
      await page.getByTestId('committees').locator('.ant-table-row').first().click();
      await page.locator('.ant-card').filter({ hasText: '· 调解员' }).waitFor();
      expect(await page.getByRole('button', { name: '新建调解组织' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '添加调解员' }).count()).toBe(0);
      await page.context().close();
    },
    STEP_TIMEOUT,
  );
});
