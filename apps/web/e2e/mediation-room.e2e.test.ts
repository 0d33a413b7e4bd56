import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { type APIRequestContext, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectNoPageErrors, screenshot, sharedBrowser } from './support/browser.js';

/**
 * The online mediation room (issue 14 items 4, 5, 9): a dispute set up through the API by the dispatcher and
 * 育红社区's mediator, then three browsers — the applicant and the respondent in the portal's room with their
 * codes, the mediator in the room too — see each other's messages live; someone who is not a party is
 * refused; both parties see the agreement's terms, confirm it online themselves and download it.
 *
 * No SMS gateway is configured, so the mediator who issues the codes is answered them (once) to tell the
 * parties by phone: the test takes them from that answer, as the mediator would read them out. The file
 * starts its own server on a fresh demo city (no history), so that its dispute numbers and throttles are its own.
 */
const browser = sharedBrowser();
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STEP_TIMEOUT = 240_000;
const PHONE_SIZE = { width: 390, height: 844 };

interface OwnServer {
  baseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Seeds a demo city without history in a fresh data directory and serves it. */
async function startOwnServer(): Promise<OwnServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-e2e-room-'));
  const env = { ...process.env, SHANZHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const seeded = spawnSync(
    process.execPath,
    ['apps/server/bin/shanzhi.js', 'seed', '--demo', '--no-history'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    },
  );
  if (seeded.status !== 0) throw new Error(`seed failed:\n${seeded.stdout}\n${seeded.stderr}`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const server: ChildProcess = spawn(process.execPath, ['apps/server/bin/shanzhi.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SHANZHI_DEMO_HISTORY_CASES: '0',
      SHANZHI_TRAIN_INITIAL_MODEL: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-2_000_000);
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${log.slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`server not ready:\n${log.slice(-4000)}`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A demo account's API session on the room's server. */
async function staffOn(baseUrl: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl });
  const answer = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(answer.status()).toBe(200);
  return api;
}

interface Party {
  id: number;
  role: 'applicant' | 'respondent';
  name: string;
}
/** The codes the mediator was answered (no SMS gateway), by party id. */
type Codes = Map<number, string>;

interface Dispute {
  id: number;
  number: string;
  version: number;
  state: string;
  parties: (Party & { confirmedAt: string | null; confirmationMethod: string | null })[];
}

async function readDispute(api: APIRequestContext, id: number): Promise<Dispute> {
  return (await (await api.get(`/api/v1/mediation/disputes/${id}`)).json()) as Dispute;
}

/** Takes a dispute action at the version just read; it must succeed. */
async function act(api: APIRequestContext, id: number, action: string, body: Record<string, unknown> = {}) {
  const { version } = await readDispute(api, id);
  const answer = await api.post(`/api/v1/mediation/disputes/${id}/actions/${action}`, {
    data: { version, ...body },
  });
  expect(answer.status(), `${action}: ${await answer.text()}`).toBe(200);
}

/** 育红社区, its committee, and the mediator who is the demo account `mediator`. */
async function yuhongCommittee(api: APIRequestContext) {
  const orgs = (await (await api.get(`/api/v1/orgs?q=${encodeURIComponent('育红社区')}`)).json()) as {
    items: { id: number; name: string }[];
  };
  const orgId = orgs.items.find((o) => o.name === '育红社区')?.id;
  const committees = (await (await api.get('/api/v1/mediation/committees')).json()) as {
    items: { id: number; name: string; org: { id: number } }[];
  };
  const committee = committees.items.find((c) => c.org.id === orgId && c.name.includes('育红社区'));
  if (!orgId || !committee) throw new Error('育红社区 or its committee not found');
  const mediators = (await (
    await api.get(`/api/v1/mediation/mediators?committee=${committee.id}`)
  ).json()) as {
    items: { id: number; userId: number | null }[];
  };
  const mediator = mediators.items.find((m) => m.userId !== null);
  if (!mediator) throw new Error('no mediator with an account in 育红社区');
  return { orgId, committeeId: committee.id, mediatorId: mediator.id };
}

/**
 * A neighbours' water dispute in 育红社区, registered by the dispatcher, accepted, assigned to 育红社区's
 * committee and the demo mediator, the respondent's consent recorded, and the room codes issued.
 */
async function disputeInMediation(dispatcher: APIRequestContext, mediator: APIRequestContext) {
  const { orgId, committeeId, mediatorId } = await yuhongCommittee(dispatcher);
  const created = await dispatcher.post('/api/v1/mediation/disputes', {
    data: {
      source: 'walk_in',
      field: 'neighbour',
      title: '楼上漏水纠纷',
      facts: '401 室卫生间漏水，渗至 301 室天花板，双方就维修和赔偿协商未果。',
      claims: '401 室修复防水并赔偿 301 室粉刷费用',
      orgId,
      parties: [
        { role: 'applicant', kind: 'person', name: '王秀英', phone: '13947312345' },
        { role: 'respondent', kind: 'person', name: '李建国', phone: '13947354321' },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as Dispute;
  await act(dispatcher, id, 'accept');
  await act(dispatcher, id, 'assign', { committeeId, mediatorId });
  await act(mediator, id, 'consent', { note: '被申请人电话表示同意调解' });
  const sent = await mediator.post(`/api/v1/mediation/disputes/${id}/room-codes`, { data: {} });
  expect(sent.status(), await sent.text()).toBe(200);
  const { items } = (await sent.json()) as { items: { partyId: number; code?: string }[] };
  const codes: Codes = new Map(items.map((i) => [i.partyId, i.code ?? '']));
  return { dispute: await readDispute(mediator, id), codes };
}

/** Opens the portal's room door on a phone, on the room's server. */
async function openRoomDoor(baseUrl: string, number: string) {
  const context = await browser().newContext({
    baseURL: baseUrl,
    viewport: PHONE_SIZE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`/portal/mediation?tab=room&number=${encodeURIComponent(number)}`);
  await page.getByRole('form', { name: '凭访问码进入调解室' }).waitFor({ timeout: 45_000 });
  return { context, page, problems };
}

/** Enters the room with `code` at the door. */
async function enterWith(page: Page, code: string): Promise<void> {
  const door = page.getByRole('form', { name: '凭访问码进入调解室' });
  await door.getByLabel('访问码').fill(code);
  await door.getByRole('button', { name: /进入调解室/ }).click();
}

/** Writes a message in the room and waits until the room shows it as the writer's own. */
async function say(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: /输入消息/ }).fill(text);
  await page.getByRole('button', { name: /发\s*送/ }).click();
  await page.locator('[data-testid="room-message"][data-own="true"]', { hasText: text }).waitFor();
}

/** Waits until the room shows `text` as someone else's message. */
async function hears(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="room-message"][data-own="false"]', { hasText: text }).waitFor();
}

type Opened = Awaited<ReturnType<typeof openRoomDoor>>;

/**
 * 在线确认 in the party's agreement panel, until the panel says he confirmed: a click on a dispute another
 * party has just confirmed is answered with the dispute as it is now, to be confirmed again.
 */
async function confirmOnline(page: Page): Promise<void> {
  const panel = page.getByTestId('agreement-panel');
  const confirmed = panel.getByTestId('agreement-confirmed');
  for (let attempt = 0; attempt < 3 && !(await confirmed.isVisible()); attempt++) {
    await panel.getByRole('button', { name: '在线确认' }).click();
    await confirmed.or(panel.getByText(/协议状态已更新/)).waitFor();
  }
  await confirmed.waitFor();
}

/** The text of a .docx: its document part with the markup removed. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('not a Word document');
  return xml.replace(/<[^>]+>/g, '');
}

describe('the online mediation room on the portal', () => {
  let own: OwnServer;
  let dispatcher: APIRequestContext;
  let mediator: APIRequestContext;
  let dispute: Dispute;
  let codes: Codes;
  let applicant: Opened;
  let respondent: Opened;
  beforeAll(async () => {
    own = await startOwnServer();
    [dispatcher, mediator] = await Promise.all([
      staffOn(own.baseUrl, 'dispatcher'),
      staffOn(own.baseUrl, 'mediator'),
    ]);
    ({ dispute, codes } = await disputeInMediation(dispatcher, mediator));
  }, STEP_TIMEOUT);
  afterAll(async () => {
    await Promise.all([applicant?.context.close(), respondent?.context.close()]);
    await Promise.all([dispatcher?.dispose(), mediator?.dispose()]);
    await own?.stop();
  });

  it(
    'lets both parties (each with his code) and the mediator talk live, and refuses a wrong code and a non-party',
    async () => {
      const codeOf = (role: Party['role']) => {
        const party = dispute.parties.find((p) => p.role === role);
        const code = party && codes.get(party.id);
        if (!code) throw new Error(`no code answered for the ${role}`);
        return code;
      };
      applicant = await openRoomDoor(own.baseUrl, dispute.number);
      respondent = await openRoomDoor(own.baseUrl, dispute.number);

      // a wrong code is refused in Chinese, at the door
      const wrong = codeOf('applicant') === '000000' ? '111111' : '000000';
      await enterWith(applicant.page, wrong);
      await applicant.page
        .getByTestId('room-door-failure')
        .getByText(/访问码不正确/)
        .waitFor();

      await enterWith(applicant.page, codeOf('applicant'));
      await enterWith(respondent.page, codeOf('respondent'));
      await applicant.page.getByTestId('room-party').getByText('申请人：王秀英').waitFor();
      await respondent.page.getByTestId('room-party').getByText('被申请人：李建国').waitFor();
      await applicant.page.getByTestId('room-link').getByText('实时连接').waitFor();

      // messages cross live: each side sees the other's, and his own marked 我
      await say(applicant.page, '楼上漏水已经三个月了，天花板发霉，希望尽快修好。');
      await hears(respondent.page, '楼上漏水已经三个月了');
      await say(respondent.page, '我同意请人修防水，粉刷费用可以商量。');
      await hears(applicant.page, '我同意请人修防水');

      // the mediator writes in the room (through the API: the console's room panel is on another branch)
      const fromMediator = await mediator.post(`/api/v1/mediation/disputes/${dispute.id}/messages`, {
        data: { body: '双方的意见我都看到了，我们按修复加赔偿的思路拟协议。' },
      });
      expect(fromMediator.status(), await fromMediator.text()).toBe(201);
      await hears(applicant.page, '按修复加赔偿的思路');
      await hears(respondent.page, '按修复加赔偿的思路');
      await screenshot(applicant.page, 'mediation-room-applicant');

      // someone who is not a party (nor the dispute's mediator) is refused, nothing is posted
      const intruder = await dispatcher.post(`/api/v1/mediation/disputes/${dispute.id}/messages`, {
        data: { body: '我也来说两句' },
      });
      expect(intruder.status()).toBe(403);
      expect(((await intruder.json()) as { error: { code: string } }).error.code).toBe('NOT_A_PARTY');
      expect(await applicant.page.getByText('我也来说两句').count()).toBe(0);
      expectNoPageErrors(applicant.problems);
      expectNoPageErrors(respondent.problems);
    },
    STEP_TIMEOUT,
  );

  it(
    'shows both parties the agreement’s terms in the room once the mediator records it',
    async () => {
      // the mediator records the online session and the agreement, and tells the room
      await act(mediator, dispute.id, 'record_session', {
        mode: 'online',
        heldAt: new Date().toISOString(),
        minutes: '在线调解室调解，双方同意修复防水并赔偿粉刷费用。',
      });
      await act(mediator, dispute.id, 'agree', {
        form: 'written',
        terms: [
          { content: '李建国修复401室卫生间防水', how: '请专业防水公司施工', dueDate: '2026-12-31' },
          { content: '李建国赔偿王秀英粉刷费用800元', how: '微信转账', dueDate: '2026-12-20' },
        ],
      });
      await mediator.post(`/api/v1/mediation/disputes/${dispute.id}/messages`, {
        data: { body: '协议已录入，请双方在调解室核对条款并点击确认。' },
      });

      for (const side of [applicant, respondent]) {
        const panel = side.page.getByTestId('agreement-panel');
        await panel.getByText('李建国修复401室卫生间防水').waitFor();
        await panel.getByText('李建国赔偿王秀英粉刷费用800元').waitFor();
      }
      await screenshot(respondent.page, 'mediation-room-agreement');
      expectNoPageErrors(applicant.problems);
      expectNoPageErrors(respondent.problems);
    },
    STEP_TIMEOUT,
  );

  it(
    'lets each party confirm the agreement online himself and download it as a Word document',
    async () => {
      await confirmOnline(applicant.page);
      await confirmOnline(respondent.page);
      // each room shows who has confirmed, the other side's too (the room's stream tells of it)
      for (const side of [applicant, respondent]) {
        const tags = side.page.getByTestId('agreement-confirmations');
        await tags.getByText('王秀英已确认').waitFor();
        await tags.getByText('李建国已确认').waitFor();
      }

      // the mediator sees both confirmations, online, each on the timeline by its party
      const read = (await (
        await mediator.get(`/api/v1/mediation/disputes/${dispute.id}`)
      ).json()) as Dispute & {
        timeline: { action: string; actorName: string }[];
      };
      expect(read.parties.map((p) => p.confirmationMethod)).toEqual(['online', 'online']);
      expect(read.timeline.filter((e) => e.action === 'confirm_agreement').map((e) => e.actorName)).toEqual([
        '当事人 王秀英',
        '当事人 李建国',
      ]);

      // the 调解协议书 downloads from the room and opens: the parties, the terms, the phones masked
      const download = applicant.page.waitForEvent('download');
      await applicant.page
        .getByTestId('agreement-panel')
        .getByRole('button', { name: '下载协议书（Word）' })
        .click();
      const text = await docxText(await (await download).path());
      for (const seen of [
        '王秀英',
        '李建国',
        '李建国修复401室卫生间防水',
        '李建国赔偿王秀英粉刷费用800元',
        '139****2345',
      ]) {
        expect(text).toContain(seen);
      }
      expect(text).not.toContain('13947312345');
      await screenshot(applicant.page, 'mediation-room-confirmed');
      expectNoPageErrors(applicant.problems);
      expectNoPageErrors(respondent.problems);
    },
    STEP_TIMEOUT,
  );

  it(
    'shows the mediator fresh codes once in the console, to tell the parties by phone, and never again',
    async () => {
      const context = await browser().newContext({
        baseURL: own.baseUrl,
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      try {
        const login = await page.request.post('/api/v1/auth/login', {
          data: { username: 'mediator', password: DEMO_PASSWORD },
        });
        expect(login.status()).toBe(200);
        await page.goto(`/mediation/disputes/${dispute.id}`);
        await page.getByTestId('room').getByRole('button', { name: '发送访问码' }).click();
        const dialog = page.getByRole('dialog', { name: '调解室访问码' });
        await dialog.getByText('请电话告知当事人').waitFor();
        const shown = await dialog.getByTestId('room-codes').innerText();
        const fresh = shown.match(/\b\d{6}\b/g) ?? [];
        expect(fresh).toHaveLength(2);
        await screenshot(page, 'mediation-room-codes');
        await dialog.getByRole('button', { name: /已告知/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        for (const code of fresh) expect(await page.getByText(code).count()).toBe(0);

        // the code read out opens the applicant's room; the old one no longer does
        const entered = await page.request.post('/api/v1/mediation/room/session', {
          data: { number: dispute.number, code: fresh[0] },
        });
        expect(entered.status(), await entered.text()).toBe(200);
        expect(((await entered.json()) as { partyName: string }).partyName).toBe('王秀英');
        const applicantId = dispute.parties.find((p) => p.role === 'applicant')!.id;
        if (codes.get(applicantId) !== fresh[0]) {
          const old = await page.request.post('/api/v1/mediation/room/session', {
            data: { number: dispute.number, code: codes.get(applicantId) },
          });
          expect(old.status()).toBe(401);
        }
        expectNoPageErrors(problems);
      } finally {
        await context.close();
      }
    },
    STEP_TIMEOUT,
  );
});
