import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { multipart, type Part } from '../../test/multipart.js';
import {
  createMediationWorld,
  type MediationWorld,
  waterDispute,
} from '../mediation/mediation.test-support.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.7\n% 维修报价单\n');
const URL = '/api/v1/portal/mediation/applications';

let w: MediationWorld;
let dataDir: string;
let address = 1;
const freshIp = () => `10.7.0.${address++}`;

/** The water dispute as a citizen applies for it: no source (always 网上申请). */
function application(extra: Record<string, unknown> = {}) {
  const { source: _source, ...body } = waterDispute(w.yuhong.orgId, extra);
  return body;
}

const applyJson = (body: unknown, ip = freshIp()) =>
  w.api.app.inject({ method: 'POST', url: URL, payload: body as object, remoteAddress: ip });
const applyMultipart = (parts: Part[], ip = freshIp()) =>
  w.api.app.inject({ method: 'POST', url: URL, remoteAddress: ip, ...multipart(parts) });
const data = (value: unknown): Part => ({ name: 'data', value: JSON.stringify(value) });
const evidence = (filename: string, content: Buffer, type = 'image/png'): Part => ({
  name: 'evidence',
  filename,
  content,
  type,
});

/** How many disputes the mediator of 育红社区 sees. */
async function listedCount(): Promise<number> {
  return (await w.get('mediator', '/api/v1/mediation/disputes?limit=200')).json().items.length;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-mediation-evidence-'));
  w = await createMediationWorld(undefined, { SHANZHI_DATA_DIR: dataDir });
}, 120_000);
afterAll(async () => {
  await w?.api.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a citizen’s online application for mediation (网上申请调解)', () => {
  it('lands in the committee’s list as 网上申请 with its evidence listed on the register event', async () => {
    const response = await applyMultipart([
      data(application()),
      evidence('漏水照片.png', PNG),
      evidence('维修报价.pdf', PDF, 'application/pdf'),
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const applied = response.json();
    // what the citizen may see, and nothing of the parties
    expect(Object.keys(applied).sort()).toEqual([
      'committeeName',
      'evidenceCount',
      'hint',
      'number',
      'state',
    ]);
    expect(applied).toMatchObject({
      state: 'registered',
      committeeName: '育红社区人民调解委员会',
      evidenceCount: 2,
    });
    expect(applied.number).toMatch(/^TJ20261013\d{5}$/);
    expect(applied.hint).toContain(applied.number);

    const listed = (
      await w.get('mediator', `/api/v1/mediation/disputes?committee=${w.yuhong.committeeId}&limit=200`)
    ).json();
    const item = listed.items.find((d: { number: string }) => d.number === applied.number);
    expect(item).toMatchObject({
      source: 'portal',
      state: 'registered',
      committee: { id: w.yuhong.committeeId },
      actions: ['accept', 'refer_to_hotline'],
    });

    const detail = (await w.get('mediator', `/api/v1/mediation/disputes/${item.id}`)).json();
    expect(detail.evidence).toEqual([
      expect.objectContaining({ name: '漏水照片.png', mime: 'image/png', size: PNG.length }),
      expect.objectContaining({ name: '维修报价.pdf', mime: 'application/pdf', size: PDF.length }),
    ]);
    expect(detail.evidence[0].uploadedByName).toBe('群众（网上门户）');
    const [register] = detail.timeline;
    expect(register).toMatchObject({
      action: 'register',
      actorName: '群众（网上门户）',
      toState: 'registered',
    });
    expect(register.attachments).toEqual(detail.evidence.map((e: { id: number }) => e.id));

    const download = await w.api.app.inject({
      method: 'GET',
      url: detail.evidence[1].url,
      headers: await w.api.as('mediator'),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload).toEqual(PDF);
    // the file is the dispute's: nobody without a session or without mediation.read downloads it
    expect((await w.api.app.inject({ method: 'GET', url: detail.evidence[1].url })).statusCode).toBe(401);
    expectError(await w.get('handler', detail.evidence[1].url), 403, 'FORBIDDEN');
    expectError(await w.get('mediator', '/api/v1/mediation/evidence/999999'), 404, 'ATTACHMENT_NOT_FOUND');
  });

  it('takes an application without files as JSON', async () => {
    const response = await applyJson(application({ title: '楼道堆物纠纷', field: 'property' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ state: 'registered', evidenceCount: 0 });
  });

  it('refuses bad input with 400 naming the failing fields, and registers nothing', async () => {
    const before = await listedCount();
    const noContact = application({
      parties: [
        { role: 'applicant', kind: 'person', name: '王秀英', phone: '13947312345' },
        { role: 'respondent', kind: 'person', name: '李建国' },
      ],
    });
    expectError(await applyJson(noContact), 400, 'VALIDATION_FAILED', 'parties.1.phone');
    const noRespondent = application({
      parties: [
        { role: 'applicant', kind: 'person', name: '王秀英', phone: '13947312345' },
        { role: 'applicant', kind: 'person', name: '张立', phone: '13947300001' },
      ],
    });
    expectError(await applyJson(noRespondent), 400, 'VALIDATION_FAILED', 'parties');
    expectError(await applyJson(application({ facts: '漏水' })), 400, 'VALIDATION_FAILED', 'facts');
    expectError(await applyJson(application({ orgId: 999_999 })), 400, 'VALIDATION_FAILED', 'orgId');
    expect(await listedCount()).toBe(before);
  });

  it('refuses the staff’s own fields (source, court reference), and the staff intake to a citizen', async () => {
    const before = await listedCount();
    // a citizen may register only through the portal's route: the staff intake asks for mediation.register
    expectError(
      await w.send(
        'citizen',
        '/api/v1/mediation/disputes',
        waterDispute(w.yuhong.orgId, { source: 'portal' }),
      ),
      403,
      'FORBIDDEN',
    );
    expectError(await applyJson({ ...application(), source: 'walk_in' }), 400, 'VALIDATION_FAILED', 'source');
    expectError(
      await applyJson(application({ courtReference: '(2026)内0302民诉前调123号' })),
      400,
      'VALIDATION_FAILED',
      'courtReference',
    );
    expect(await listedCount()).toBe(before);
  });

  it('refuses evidence that is neither a photo nor a PDF by its content, naming it, and keeps nothing', async () => {
    const before = await listedCount();
    const response = await applyMultipart([
      data(application()),
      evidence('合同.pdf', Buffer.from('just text pretending to be a PDF'), 'application/pdf'),
    ]);
    expectError(response, 400, 'VALIDATION_FAILED', 'evidence');
    expect(response.json().error.message).toContain('合同.pdf');
    expect(await listedCount()).toBe(before);
  });

  it('shares the portal’s budget per address: 10 submissions per 10 minutes, then 429 RATE_LIMITED', async () => {
    const ip = freshIp();
    // requests and applications draw on one budget, and a refused one spends it too
    for (let i = 0; i < 5; i++) {
      const request = await w.api.app.inject({
        method: 'POST',
        url: '/api/v1/portal/cases',
        payload: {},
        remoteAddress: ip,
      });
      expect(request.statusCode).toBe(400);
    }
    for (let i = 0; i < 4; i++) expect((await applyJson({}, ip)).statusCode).toBe(400);
    expect((await applyJson(application(), ip)).statusCode).toBe(201);
    expectError(await applyJson(application(), ip), 429, 'RATE_LIMITED');
    expect((await applyJson(application(), freshIp())).statusCode).toBe(201);
  });
});
