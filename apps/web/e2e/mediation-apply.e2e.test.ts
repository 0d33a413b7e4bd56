import { describe, expect, it } from 'vitest';
import { expectNoPageErrors, openPage, screenshot, sharedBrowser, signInQuickly } from './support/browser.js';

const browser = sharedBrowser();

const PHONE_SIZE = { width: 390, height: 844 };
// Each step waits on a real server; on a shared, busy machine a step may take longer than the default.
const STEP_TIMEOUT = 240_000;
const PLACE = ['海勃湾区', '凤凰岭街道', '育红社区'];
const COMMITTEE = '育红社区人民调解委员会';

describe('a citizen’s online application for mediation (网上申请调解)', () => {
  it(
    'is sent from the portal on a phone with a photo, answers its number, and reaches 育红社区’s list as 网上申请',
    async () => {
      const citizen = await openPage(browser(), PHONE_SIZE);
      citizen.context.setDefaultTimeout(45_000);
      const { page } = citizen;
      await page.goto('/portal/mediation');
      const form = page.getByRole('form', { name: '调解申请' });
      await form.waitFor();
      // nothing sends the citizen elsewhere any more
      expect(await page.getByText('暂未开放').count()).toBe(0);

      await form.getByLabel('简要案由').fill('楼上漏水损坏吊顶');
      await form
        .getByLabel('纠纷经过')
        .fill('楼上 401 室卫生间漏水，渗到我家 301 室吊顶，吊顶已经发霉脱落，多次找对方协商未果。');
      await form.getByLabel('申请事项').fill('对方修好卫生间防水，并赔偿吊顶维修费用 2000 元');
      // the place: district → town → community, each level loaded as it is opened
      await form.getByLabel('纠纷发生地（村/社区）').click();
      for (const name of PLACE) {
        await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
      }
      await form.getByTitle(PLACE.join(' / ')).waitFor();

      const applicant = form.getByTestId('party-applicant');
      await applicant.getByLabel('姓名 / 名称').fill('王秀英');
      await applicant.getByLabel('手机号码').fill('13947312345');
      const respondent = form.getByTestId('party-respondent');
      await respondent.getByLabel('姓名 / 名称').fill('李建国');
      await respondent.getByLabel('手机号码').fill('13947354321');

      // a photo of the damage: a real PNG (a picture of the page's own header will do)
      const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 390, height: 200 } });
      await form
        .locator('input[type=file]')
        .setInputFiles({ name: '吊顶漏水.png', mimeType: 'image/png', buffer: photo });
      await form.locator('.ant-upload-list-item').first().waitFor();
      await screenshot(page, 'mediation-apply-filled');

      const sent = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/portal/mediation/applications') && r.request().method() === 'POST',
      );
      await form.getByRole('button', { name: /提交调解申请/ }).click();
      const answer = await sent;
      expect(answer.status(), await answer.text()).toBe(201);
      const applied = page.getByTestId('mediation-applied');
      await applied.getByText(COMMITTEE).waitFor();
      const number = (await page.getByTestId('applied-number').innerText()).trim();
      expect(number).toMatch(/^TJ\d{13}$/);
      await applied.getByText('已收到 1 份').waitFor();
      await page.getByTestId('dispute-state').getByText('已登记').waitFor();
      await screenshot(page, 'mediation-applied');
      expectNoPageErrors(citizen.problems);
      await citizen.context.close();

      // the demo mediator of 育红社区 finds it in 矛盾调解's list, from 网上申请, and opens it with its photo
      const staff = await openPage(browser());
      staff.context.setDefaultTimeout(60_000);
      await signInQuickly(staff.page, 'mediator', '/mediation/disputes');
      const list = staff.page;
      await list.getByPlaceholder('编号、标题或事实').fill(number);
      await list.getByPlaceholder('编号、标题或事实').press('Enter');
      const row = list.getByTestId('disputes').locator('tr', { hasText: number });
      await row.getByText('网上申请').waitFor();
      await row.getByText(COMMITTEE).waitFor();
      await screenshot(list, 'mediation-list-online-application');
      await row.getByRole('link', { name: number }).click();
      await list.waitForURL(/\/mediation\/disputes\/\d+$/);
      await list.getByTestId('dispute-facts').getByText('网上申请').waitFor();
      await list.getByTestId('dispute-evidence').getByAltText('吊顶漏水.png').waitFor();
      const register = list.locator('[data-testid="dispute-event"][data-action="register"]');
      const file = register.getByTestId('event-files').getByRole('link', { name: /吊顶漏水\.png/ });
      await file.waitFor();
      const download = await list.request.get((await file.getAttribute('href')) ?? '');
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toBe('image/png');
      expect(await download.body()).toEqual(photo);
      await screenshot(list, 'mediation-dispute-evidence');
      expectNoPageErrors(staff.problems);
      await staff.context.close();
    },
    STEP_TIMEOUT,
  );
});
