import fs from 'node:fs';
import type { CommitteeView, DisputeDetail, MediatorView } from '@shanzhi/shared';
import dayjs from 'dayjs';
import JSZip from 'jszip';
import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chooseOption,
  expectNoPageErrors,
  openPage,
  screenshot,
  sharedBrowser,
  signInQuickly,
} from './support/browser.js';
import { takeLifecycleAction } from './support/lifecycle-actions.js';
import { staffApi } from './support/staff-api.js';

const browser = sharedBrowser();

// Each step waits on a real server; on a shared, busy machine a step may take longer than the default.
const STEP_TIMEOUT = 240_000;
const COMMUNITY = '育红社区';
const COMMITTEE = `${COMMUNITY}人民调解委员会`;

/** The id of 育红社区 and a point inside one of its grids. */
async function yuhong(api: APIRequestContext): Promise<{ id: number; lng: number; lat: number }> {
  const found = (await (
    await api.get(`/api/v1/orgs?kind=community&q=${encodeURIComponent(COMMUNITY)}`)
  ).json()) as {
    items: { id: number; name: string }[];
  };
  const community = found.items.find((o) => o.name === COMMUNITY);
  if (!community) throw new Error(`no ${COMMUNITY} in the demo city`);
  const grids = (await (
    await api.get(`/api/v1/orgs?kind=grid&within=${community.id}&pageSize=50`)
  ).json()) as {
    items: { center: { lng: number; lat: number } | null }[];
  };
  const center = grids.items.find((g) => g.center)?.center;
  if (!center) throw new Error(`no grid with a centre in ${COMMUNITY}`);
  return { id: community.id, ...center };
}

/** 育红社区's committee and the demo account `mediator` as one of its mediators. */
async function demoMediator(
  api: APIRequestContext,
): Promise<{ committee: CommitteeView; mediator: MediatorView }> {
  const committees = (await (await api.get('/api/v1/mediation/committees')).json()) as {
    items: CommitteeView[];
  };
  const committee = committees.items.find((c) => c.name === COMMITTEE);
  if (!committee) throw new Error(`no ${COMMITTEE}`);
  const mediators = (await (
    await api.get(`/api/v1/mediation/mediators?committee=${committee.id}`)
  ).json()) as {
    items: MediatorView[];
  };
  const mediator = mediators.items.find((m) => m.userId !== null);
  if (!mediator) throw new Error(`the demo mediator does not serve on ${COMMITTEE}`);
  return { committee, mediator };
}

/** Accepts, assigns to the demo mediator of 育红社区 (the suggestion shown) and records the consent. */
async function acceptAssignConsent(page: Page, mediatorName: string) {
  await takeLifecycleAction(page, 'dispute-actions', '受理');
  await takeLifecycleAction(page, 'dispute-actions', '指派', async (dialog) => {
    await dialog.getByTestId('assignment-suggestion').getByText(COMMITTEE).waitFor();
    await dialog.getByTitle(COMMITTEE).waitFor();
    await chooseOption(page, dialog, '调解员', mediatorName);
  });
  await page.getByTestId('dispute-facts').getByText(COMMITTEE).waitFor();
  await takeLifecycleAction(page, 'dispute-actions', '同意调解', (dialog) =>
    dialog.getByLabel('同意情况').fill('被申请人电话中表示同意调解'),
  );
  await page.getByTestId('dispute-state').getByText('调解中').waitFor();
}

/** The text of a .docx: its document part with the markup removed. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('not a Word document');
  return xml.replace(/<[^>]+>/g, '');
}

let mediatorName = '';
let place: { id: number; lng: number; lat: number };

beforeAll(async () => {
  const mediatorApi = await staffApi('mediator');
  place = await yuhong(mediatorApi);
  mediatorName = (await demoMediator(mediatorApi)).mediator.name;
  await mediatorApi.dispose();
}, 60_000);

describe('mediation in the console (矛盾调解, the staff side)', () => {
  it(
    'converts a 12345 neighbours’ water case, mediates it at 育红社区 to an agreement read back from its .docx, and closes the case with it',
    async () => {
      const agentApi = await staffApi('agent');
      const created = await agentApi.post('/api/v1/cases', {
        data: {
          source: 'hotline_12345',
          type: 'complaint',
          priority: 'normal',
          title: '楼上漏水邻里纠纷',
          content: '楼上住户卫生间漏水，渗到我家天花板，多次协商未果，请求调解赔偿维修费用。',
          citizenName: '王建国',
          citizenPhone: '13947302468',
          anonymous: false,
          keepPrivate: false,
          location: { longitude: place.lng, latitude: place.lat },
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const kase = (await created.json()) as { id: number; number: string };

      // the agent converts it on the case page
      const agent = await openPage(browser());
      agent.context.setDefaultTimeout(60_000);
      await signInQuickly(agent.page, 'agent', `/cases/${kase.id}`);
      await agent.page.getByRole('button', { name: '转人民调解' }).click();
      const convert = agent.page.getByRole('dialog');
      await convert.getByLabel('被申请人（可选）').fill('李秀英');
      await convert.getByLabel('联系电话').fill('13947301357');
      await convert.getByRole('button', { name: '转人民调解' }).click();
      await agent.page.waitForURL(/\/mediation\/disputes\/\d+$/);
      const disputeId = Number(agent.page.url().split('/').at(-1));

      // the mediator of 育红社区 takes it through to an agreement
      const m = await openPage(browser());
      m.context.setDefaultTimeout(60_000);
      await signInQuickly(m.page, 'mediator', `/mediation/disputes/${disputeId}`);
      const page = m.page;
      await page.getByTestId('dispute-parties').getByText('李秀英').waitFor();
      await acceptAssignConsent(page, mediatorName);

      await page
        .getByLabel('输入消息，当事人将实时看到')
        .fill('双方好，今天在线调解漏水一事，请先各自说明情况。');
      await page
        .getByTestId('room')
        .getByRole('button', { name: /发\s*送$/ })
        .click();
      await page.getByTestId('room-messages').getByText('今天在线调解漏水一事').waitFor();

      const minutes = '申请人陈述漏水经过；被申请人承认卫生间防水层老化，同意维修并赔偿。';
      await takeLifecycleAction(page, 'dispute-actions', '记录调解', async (dialog) => {
        await chooseOption(page, dialog, '调解方式', '在线调解室');
        await dialog.getByLabel('调解笔录').fill(minutes);
      });
      await page.getByTestId('dispute-session').getByText(minutes).waitFor();

      const term = '李秀英于十日内修复卫生间防水层并赔偿王建国天花板维修费1500元';
      await takeLifecycleAction(page, 'dispute-actions', '达成协议', async (dialog) => {
        await dialog.getByLabel('协议内容').fill(term);
        await dialog.getByLabel('履行方式').fill('自行维修并现金支付');
        await dialog.getByLabel('履行期限').click();
        await dialog.getByLabel('履行期限').fill(dayjs().add(10, 'day').format('YYYY-MM-DD'));
        await dialog.getByLabel('履行期限').press('Enter');
      });
      await page.getByTestId('dispute-state').getByText('已达成协议').waitFor();
      // the 30-day window for judicial confirmation
      await page
        .getByTestId('confirmation-window')
        .getByText(/可申请司法确认，剩余 \d+ 天/)
        .waitFor();
      await page
        .getByTestId('confirmation-window')
        .getByText(/（30 日）/)
        .waitFor();

      // the 调解协议书 opens as a Word document naming the parties and the terms
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: /调解协议书 Word/ }).click();
      const file = await (await download).path();
      const text = await docxText(file);
      expect(text).toContain('王建国');
      expect(text).toContain('李秀英');
      expect(text).toContain(term);
      await screenshot(page, 'mediation-dispute-agreed');

      await takeLifecycleAction(page, 'dispute-actions', '结案归档');
      await page.getByTestId('dispute-state').getByText('已结案').waitFor();
      const dispute = (await (
        await agentApi.get(`/api/v1/mediation/disputes/${disputeId}`)
      ).json()) as DisputeDetail;
      expect(dispute.outcome).toBe('agreed');
      expect(dispute.caseId).toBe(kase.id);

      // the case followed the dispute and closed with its outcome; its page links to the dispute
      await expect
        .poll(
          async () =>
            ((await (await agentApi.get(`/api/v1/cases/${kase.id}`)).json()) as { state: string }).state,
          {
            timeout: 60_000,
            interval: 1_000,
          },
        )
        .toBe('closed');
      await agent.page.goto(`/cases/${kase.id}`);
      await agent.page.getByTestId('case-dispute-link').waitFor();

      expectNoPageErrors(agent.problems);
      expectNoPageErrors(m.problems);
      await agent.context.close();
      await m.context.close();
      await agentApi.dispose();
    },
    STEP_TIMEOUT,
  );

  it(
    'fails a dispute at the village committee and escalates it to the town',
    async () => {
      const api = await staffApi('mediator');
      const created = await api.post('/api/v1/mediation/disputes', {
        data: {
          source: 'walk_in',
          field: 'neighbour',
          title: '院墙界址纠纷',
          facts: '两户因院墙位置发生争执，申请人称被申请人新砌院墙占用其宅基地约半米。',
          claims: '请求被申请人拆除占地部分院墙',
          orgId: place.id,
          parties: [
            { role: 'applicant', kind: 'person', name: '赵德明', phone: '13947305678' },
            { role: 'respondent', kind: 'person', name: '孙福来', address: '育红社区5号院' },
          ],
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const { id } = (await created.json()) as DisputeDetail;

      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'mediator', `/mediation/disputes/${id}`);
      await acceptAssignConsent(page, mediatorName);
      await takeLifecycleAction(page, 'dispute-actions', '调解不成', (dialog) =>
        dialog.getByLabel('调解不成原因').fill('双方对界址各执一词，无法达成一致'),
      );
      await page.getByTestId('dispute-state').getByText('调解不成').waitFor();
      await takeLifecycleAction(page, 'dispute-actions', '上移', (dialog) =>
        dialog.getByLabel('上移理由').fill('涉及宅基地确权，提请镇调委会调解'),
      );
      await page.getByTestId('dispute-state').getByText('已上移').waitFor();
      await page.locator('[data-testid="dispute-event"][data-action="escalate"]').waitFor();

      const after = (await (await api.get(`/api/v1/mediation/disputes/${id}`)).json()) as DisputeDetail;
      expect(after.state).toBe('escalated');
      expect(after.committee?.name ?? '').not.toBe(COMMITTEE);
      await screenshot(page, 'mediation-dispute-escalated');
      expectNoPageErrors(problems);
      await context.close();
      await api.dispose();
    },
    STEP_TIMEOUT,
  );

  it(
    'lists the mediator’s disputes and shows the numbers',
    async () => {
      const { page, context, problems } = await openPage(browser());
      context.setDefaultTimeout(60_000);
      await signInQuickly(page, 'mediator', '/mediation/mine');
      await page.getByTestId('disputes').locator('tbody tr.ant-table-row').first().waitFor();
      await page.goto('/mediation/stats');
      await page.getByTestId('count-resolutionRate').getByText(/%|—/).waitFor();
      await page.getByTestId('mediator-ranking').waitFor();
      await page.goto('/mediation/committees');
      await page.getByLabel('调委会名称').fill('育红');
      await page.getByTestId('committees').getByText(COMMITTEE).click();
      await page.getByTestId('studios').getByText('董大姐平安工作室').waitFor();
      await page.getByTestId('mediators').getByText('金牌调解员').first().waitFor();
      expectNoPageErrors(problems);
      await context.close();
    },
    STEP_TIMEOUT,
  );
});
