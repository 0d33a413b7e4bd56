import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { connectSse, type SseClient } from '../notifications/sse-client.test-support.js';
import { disputeParties } from './mediation.tables.js';
import { createMediationWorld, type MediationWorld, waterDispute } from './mediation.test-support.js';

let w: MediationWorld;
let base: string;
const clients: SseClient[] = [];
beforeAll(async () => {
  w = await createMediationWorld();
  await w.api.app.listen({ port: 0, host: '127.0.0.1' });
  const address = w.api.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const client of clients) client.close();
  await w.api.close();
});

interface Issued {
  partyId: number;
  sentTo: string;
  code?: string;
}

/** A dispute in mediation with fresh codes for both parties, as the mediator was answered them (no gateway). */
async function roomWithCodes() {
  const dispute = (
    await w.send('mediator', '/api/v1/mediation/disputes', waterDispute(w.yuhong.orgId))
  ).json();
  const mediatorId = await w.mediatorOf(w.yuhong.committeeId);
  await w.act('mediator', dispute.id, 'accept', {});
  await w.act('mediator', dispute.id, 'assign', { committeeId: w.yuhong.committeeId, mediatorId });
  await w.act('mediator', dispute.id, 'consent', {});
  const sent = await w.send('mediator', `/api/v1/mediation/disputes/${dispute.id}/room-codes`, {});
  expect(sent.statusCode, sent.body).toBe(200);
  const items: Issued[] = sent.json().items;
  expect(items.map((i) => i.sentTo)).toEqual(['139****2345', '139****4321']);
  const codes = items.map((i) => i.code!);
  for (const code of codes) expect(code).toMatch(/^\d{6}$/);
  return { dispute, codes };
}

/** Tries a code at the room's door from `address`. */
function tryCode(number: string, code: string, address = '127.0.0.1') {
  return w.api.app.inject({
    method: 'POST',
    url: '/api/v1/mediation/room/session',
    payload: { number, code },
    remoteAddress: address,
  });
}

async function partyToken(number: string, code: string, address?: string) {
  const opened = await tryCode(number, code, address);
  expect(opened.statusCode, opened.body).toBe(200);
  return opened.json().token as string;
}

/** A code that is not `code`. */
const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');

describe('the online room (在线调解室)', () => {
  it('lets both parties (by their codes) and the mediator talk, live, each message on the timeline', async () => {
    const { dispute, codes } = await roomWithCodes();
    const applicant = await partyToken(dispute.number, codes[0]!);
    const respondent = await partyToken(dispute.number, codes[1]!);
    const url = `/api/v1/mediation/disputes/${dispute.id}/messages`;
    const stream = await connectSse(`${base}${url}/stream`, { 'x-room-token': respondent });
    clients.push(stream);
    const posted = await w.api.app.inject({
      method: 'POST',
      url,
      headers: { 'x-room-token': applicant },
      payload: { body: '我家天花板已经发霉了，希望尽快修。' },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({
      authorKind: 'party',
      partyRole: 'applicant',
      authorName: '王秀英',
    });
    const heard = await stream.waitFor((e) => e.event === 'message');
    expect(heard.data).toMatchObject({ body: '我家天花板已经发霉了，希望尽快修。', partyRole: 'applicant' });
    const reply = await w.send('mediator', url, { body: '请李先生说说您的意见。' });
    expect(reply.statusCode, reply.body).toBe(201);
    const read = await w.api.app.inject({ method: 'GET', url, headers: { 'x-room-token': respondent } });
    expect(read.json().items.map((m: { authorKind: string }) => m.authorKind)).toEqual(['party', 'mediator']);
    const own = await w.api.app.inject({
      method: 'GET',
      url: '/api/v1/mediation/room/dispute',
      headers: { 'x-room-token': applicant },
    });
    expect(own.json()).toMatchObject({ id: dispute.id, state: 'mediating', actions: [] });
    expect(own.json().parties[1]).toMatchObject({ name: '李建国', phone: '139****4321' });
    const timeline = (await w.get('mediator', `/api/v1/mediation/disputes/${dispute.id}`)).json().timeline;
    expect(timeline.filter((e: { action: string }) => e.action === 'room_message')).toHaveLength(2);
  });

  it('keeps out who is not a party or its mediator, and a wrong code', async () => {
    const { dispute, codes } = await roomWithCodes();
    const other = await roomWithCodes();
    const outsider = await partyToken(other.dispute.number, other.codes[0]!);
    const url = `/api/v1/mediation/disputes/${dispute.id}/messages`;
    const before = (await w.get('mediator', url)).json().items.length;
    expectError(await w.send('dispatcher', url, { body: '我来看看' }), 403, 'NOT_A_PARTY');
    const intruder = await w.api.app.inject({
      method: 'POST',
      url,
      headers: { 'x-room-token': outsider },
      payload: { body: '我来看看' },
    });
    expectError(intruder, 403, 'NOT_A_PARTY');
    expect((await w.get('mediator', url)).json().items.length).toBe(before);
    expectError(await tryCode(dispute.number, otherThan(codes[0]!)), 401, 'ROOM_CODE_INVALID');
  });
});

describe('the room codes (调解室访问码)', () => {
  it('keeps only a keyed hash of each code, bound to its party', async () => {
    const { dispute, codes } = await roomWithCodes();
    const kept = await w.api.ctx.db
      .select()
      .from(disputeParties)
      .where(eq(disputeParties.disputeId, dispute.id))
      .orderBy(disputeParties.id);
    expect(kept).toHaveLength(2);
    for (const [i, row] of kept.entries()) {
      expect(Object.values(row).map(String)).not.toContain(codes[i]);
      expect(row.roomCodeHash).toMatch(/^[\w-]{43}$/);
    }
  });

  it('locks a number after 5 wrong codes, even for the right code, until the lock ends (429, Retry-After)', async () => {
    const { dispute, codes } = await roomWithCodes();
    const wrong = otherThan(codes[0]!);
    for (let i = 0; i < 5; i++) {
      // from ever new addresses: the number's lock does not depend on where the guesses come from
      expectError(await tryCode(dispute.number, wrong, `10.1.0.${i + 1}`), 401, 'ROOM_CODE_INVALID');
    }
    const locked = await tryCode(dispute.number, codes[0]!, '10.1.1.1');
    expectError(locked, 429, 'ROOM_CODE_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBe(30 * 60);
    w.clock.advance(30 * 60_000);
    await partyToken(dispute.number, codes[0]!, '10.1.1.1');
  });

  it('gives the right code its attempt back, so the party is never locked out by entering', async () => {
    const { dispute, codes } = await roomWithCodes();
    for (let i = 0; i < 8; i++) await partyToken(dispute.number, codes[i % 2]!, '10.2.0.1');
  });

  it('limits wrong codes from one address over any numbers (429 RATE_LIMITED, Retry-After)', async () => {
    const { dispute, codes } = await roomWithCodes();
    for (let i = 0; i < 20; i++) {
      expectError(await tryCode(`MT-NOPE-${i}`, '123456', '10.3.0.1'), 401, 'ROOM_CODE_INVALID');
    }
    const limited = await tryCode(dispute.number, codes[0]!, '10.3.0.1');
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // the number itself is not locked: the party enters from his own phone
    await partyToken(dispute.number, codes[0]!, '10.3.0.2');
  });

  it('sends the codes by SMS through the configured gateway, and answers none of them', async () => {
    const received: { phone: string; text: string }[] = [];
    let status = 200;
    const gateway: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const config = w.api.ctx.config;
    config.SMS_GATEWAY_URL = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
    try {
      const dispute = (
        await w.send('mediator', '/api/v1/mediation/disputes', waterDispute(w.yuhong.orgId))
      ).json();
      const mediatorId = await w.mediatorOf(w.yuhong.committeeId);
      await w.act('mediator', dispute.id, 'accept', {});
      await w.act('mediator', dispute.id, 'assign', { committeeId: w.yuhong.committeeId, mediatorId });
      const sent = await w.send('mediator', `/api/v1/mediation/disputes/${dispute.id}/room-codes`, {});
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json().items.map((i: Issued) => i.code)).toEqual([undefined, undefined]);
      expect(received.map((m) => m.phone)).toEqual(['13947312345', '13947354321']);
      const code = /访问码为 (\d{6})/.exec(received[0]!.text)?.[1];
      expect(received[0]!.text).toContain(dispute.number);
      await partyToken(dispute.number, code!);
      // a gateway that refuses the message: the mediator is told, and still given no code
      status = 500;
      const refused = await w.send('mediator', `/api/v1/mediation/disputes/${dispute.id}/room-codes`, {});
      expectError(refused, 503, 'SMS_NOT_SENT');
      expect(refused.body).not.toMatch(/\b\d{6}\b/);
    } finally {
      config.SMS_GATEWAY_URL = undefined;
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });
});

const TERMS = [
  { content: '李建国修复卫生间防水', how: '请专业防水公司施工', dueDate: '2026-10-31' },
  { content: '李建国赔偿王秀英粉刷费用800元', how: '微信转账', dueDate: '2026-10-25' },
];

/** A dispute whose written agreement was recorded, with a room token for each party. */
async function agreedWithTokens() {
  const { dispute, codes } = await roomWithCodes();
  const tokens = [await partyToken(dispute.number, codes[0]!), await partyToken(dispute.number, codes[1]!)];
  const agreed = await w.act('mediator', dispute.id, 'agree', { form: 'written', terms: TERMS });
  expect(agreed.statusCode, agreed.body).toBe(200);
  return { dispute: agreed.json(), tokens };
}

function asParty(token: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return w.api.app.inject({ method, url, payload, headers: { 'x-room-token': token } });
}

const CONFIRM = '/api/v1/mediation/room/confirm';

describe('a party’s own steps on the agreement', () => {
  it('lets each party confirm online himself, on the timeline with him as the actor', async () => {
    const { dispute, tokens } = await agreedWithTokens();
    const [applicant, respondent] = dispute.parties;
    const stream = await connectSse(`${base}/api/v1/mediation/disputes/${dispute.id}/messages/stream`, {
      'x-room-token': tokens[1]!,
    });
    clients.push(stream);
    const confirmed = await asParty(tokens[0]!, 'POST', CONFIRM, {
      version: dispute.version,
      partyId: applicant.id,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    // the other party's room hears of it, to read the dispute again
    const heard = await stream.waitFor((e) => e.event === 'confirmed');
    expect(heard.data).toEqual({ disputeId: dispute.id, partyId: applicant.id });
    expect(confirmed.json().parties[0]).toMatchObject({ confirmationMethod: 'online' });
    expect(confirmed.json().parties[0].confirmedAt).not.toBeNull();
    expect(confirmed.json().parties[1].confirmedAt).toBeNull();
    const stale = await asParty(tokens[1]!, 'POST', CONFIRM, {
      version: dispute.version,
      partyId: respondent.id,
    });
    expectError(stale, 409, 'VERSION_CONFLICT');
    const second = await asParty(tokens[1]!, 'POST', CONFIRM, {
      version: confirmed.json().version,
      partyId: respondent.id,
    });
    expect(second.statusCode, second.body).toBe(200);
    const read = (await w.get('mediator', `/api/v1/mediation/disputes/${dispute.id}`)).json();
    expect(read.parties.map((p: { confirmationMethod: string }) => p.confirmationMethod)).toEqual([
      'online',
      'online',
    ]);
    const events = read.timeline.filter((e: { action: string }) => e.action === 'confirm_agreement');
    expect(events.map((e: { actorName: string }) => e.actorName)).toEqual(['当事人 王秀英', '当事人 李建国']);
  });

  it('refuses a confirmation for another party, from another dispute’s party, or without a token', async () => {
    const { dispute, tokens } = await agreedWithTokens();
    const other = await agreedWithTokens();
    const [applicant, respondent] = dispute.parties;
    const body = { version: dispute.version, partyId: applicant.id };
    expectError(await asParty(tokens[1]!, 'POST', CONFIRM, body), 403, 'NOT_A_PARTY', 'partyId');
    expectError(await asParty(other.tokens[0]!, 'POST', CONFIRM, body), 403, 'NOT_A_PARTY', 'partyId');
    const anonymous = await w.api.app.inject({ method: 'POST', url: CONFIRM, payload: body });
    expectError(anonymous, 401, 'UNAUTHENTICATED');
    // a party's token does not open the staff's action route either
    const staffRoute = await asParty(
      tokens[0]!,
      'POST',
      `/api/v1/mediation/disputes/${dispute.id}/actions/confirm_agreement`,
      { ...body, method: 'online' },
    );
    expect(staffRoute.statusCode).toBe(401);
    const read = (await w.get('mediator', `/api/v1/mediation/disputes/${dispute.id}`)).json();
    expect(read.version).toBe(dispute.version);
    expect(
      [applicant, respondent].map((p) => read.parties.find((r: { id: number }) => r.id === p.id).confirmedAt),
    ).toEqual([null, null]);
    // the mediator records paper confirmations, never an online one for a party
    expectError(
      await w.act('mediator', dispute.id, 'confirm_agreement', { partyId: respondent.id, method: 'online' }),
      400,
      'VALIDATION_FAILED',
      'method',
    );
    const paper = await w.act('mediator', dispute.id, 'confirm_agreement', {
      partyId: respondent.id,
      method: 'signed_scan',
    });
    expect(paper.statusCode, paper.body).toBe(200);
  });

  it('lets a party download the agreement as .docx, the parties’ contacts masked', async () => {
    const { dispute, codes } = await roomWithCodes();
    const token = await partyToken(dispute.number, codes[1]!);
    const url = '/api/v1/mediation/room/agreement.docx';
    expectError(await asParty(token, 'GET', url), 404, 'NOT_FOUND');
    const agreed = await w.act('mediator', dispute.id, 'agree', { form: 'written', terms: TERMS });
    expect(agreed.statusCode, agreed.body).toBe(200);
    const docx = await asParty(token, 'GET', url);
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const seen of [
      '王秀英',
      '李建国',
      TERMS[0]!.content,
      TERMS[1]!.content,
      '139****2345',
      '育红社区****',
    ]) {
      expect(text).toContain(seen);
    }
    expect(text).not.toContain('13947312345');
    expect(text).not.toContain('3号楼301室');
    expectError(await w.api.app.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
  });
});
