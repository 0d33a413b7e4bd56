import { describe, expect, it } from 'vitest';
import {
  chooseOption,
  expectNoPageErrors,
  openPage,
  screenshot,
  sharedBrowser,
  signInQuickly,
  tick,
} from './support/browser.js';
import { buttonName, takeLifecycleAction } from './support/lifecycle-actions.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

const PHONE_SIZE = { width: 390, height: 844 };
// Each step waits on a real server; on a shared, busy machine a step may take longer than the default.
const STEP_TIMEOUT = 240_000;

describe('petitions left on the portal and signed entrustments (网上信访、委托代办书签署件)', () => {
  it(
    'a citizen leaves one on his phone; the agent finds it 待认领 and takes it; the citizen sees it taken',
    async () => {
      const matter = `网上信访：小区燃气改造每户收取 2600 元，请帮忙核实（${Date.now()}）`;
      // a citizen of his own address: the portal's limits on wrong phones are per address, and other files
      // give wrong phones on purpose
      const citizen = await openPage(browser(), { ...PHONE_SIZE, forwardedFor: '203.0.113.18' });
      citizen.context.setDefaultTimeout(45_000);
      const { page } = citizen;
      await page.goto('/portal');
      await page.getByRole('link', { name: /网上信访/ }).click();
      await page.waitForURL(/\/portal\/petitions$/);
      const form = page.getByRole('form', { name: '网上信访' });
      await chooseOption(page, form, '代办点', '乌海市公安局');
      await form.getByLabel('姓名').fill('韩德胜');
      await form.getByLabel('公民身份号码').fill('150302194805120019');
      await form.getByLabel('联系电话').fill('13947312345');
      await form.getByLabel('信访事项').fill(matter);
      const sent = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/portal/petitions') && r.request().method() === 'POST',
      );
      await form.getByRole('button', { name: /提交信访/ }).click();
      const answer = await sent;
      expect(answer.status(), await answer.text()).toBe(201);
      const number = (await page.getByTestId('portal-petition-number').innerText()).trim();
      expect(number).toMatch(/^XF-\d+$/);
      await screenshot(page, 'portal-petition-submitted');

      // the agent of the point finds it waiting, and takes it
      const agent = await openPage(browser());
      agent.context.setDefaultTimeout(60_000);
      await signInQuickly(agent.page, 'petition', '/petitions');
      await tick(agent.page.getByRole('checkbox', { name: '只看待认领' }));
      const row = agent.page.getByTestId('petitions').getByRole('row').filter({ hasText: matter });
      await row.getByText('待认领').waitFor();
      await row.getByRole('link', { name: number }).click();
      await agent.page.waitForURL(/\/petitions\/\d+$/);
      await agent.page.getByTestId('petition-facts').getByText('待认领').waitFor();
      await takeLifecycleAction(agent.page, 'petition-actions', '认领', (dialog) =>
        dialog.getByLabel('说明').fill('已电话联系信访人'),
      );
      await agent.page.getByTestId('petition-facts').getByText('高志勇（公安信访代办员）').waitFor();
      await agent.page
        .getByTestId('petition-actions')
        .getByRole('button', { name: buttonName('受理') })
        .waitFor();

      // the citizen follows it by number and phone
      await page.getByRole('button', { name: '查询进度' }).click();
      const view = page.getByTestId('portal-petition-view');
      await view.getByText('认领').waitFor();
      expect(await view.getByText('待代办员认领').count()).toBe(0);
      await screenshot(page, 'portal-petition-taken');

      expectNoPageErrors(citizen.problems);
      expectNoPageErrors(agent.problems);
      await citizen.context.close();
      await agent.context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'uploads the scan of a signed 委托代办书: 未签署 turns 已签署, and the scan opens',
    async () => {
      const api = await staffApi('petition');
      const created = await api.post('/api/v1/petitions', {
        data: {
          mode: 'entrusted',
          matter: `委托代办：路灯损坏多日无人维修（${Date.now()}）`,
          petitioners: [{ name: '刘桂兰', idNumber: '150302195203040024', phone: '13947354321' }],
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const { id } = (await created.json()) as { id: number };
      await api.dispose();

      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'petition', `/petitions/${id}`);
      const signed = page.getByTestId('petition-entrustment-signed');
      await signed.getByText('未签署').waitFor();

      await takeLifecycleAction(page, 'petition-actions', '上传签署委托书', (dialog) =>
        dialog.locator('input[type=file]').setInputFiles({
          name: '委托代办书-已签署.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.7\n% 委托代办书（已签署）\n%%EOF\n'),
        }),
      );
      await signed.getByText('已签署').waitFor();
      const scan = page.getByRole('link', { name: /查看签署件/ });
      const href = await scan.getAttribute('href');
      expect(href).toBe(`/api/v1/petitions/${id}/entrustment/signed`);
      const file = await page.request.get(href!);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toBe('application/pdf');
      await screenshot(page, 'petition-entrustment-signed');
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );
});
