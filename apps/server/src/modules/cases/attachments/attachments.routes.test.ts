import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, orgIdOf } from '../../../test/api.js';
import { createTestApp, createTestContext, signIn, type TestContext } from '../../../test/setup.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { attachmentPath } from './attachment-store.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const MAX_BYTES = 4096;

function multipart(filename: string, content: Buffer, mime = 'image/png') {
  const boundary = '----shanzhi-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${mime}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('case attachments', () => {
  let ctx: TestContext;
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let dataDir: string;
  const sessions = new Map<string, { authorization: string }>();
  const as = async (user: string) => {
    if (!sessions.has(user)) sessions.set(user, await signIn(app, user));
    return sessions.get(user)!;
  };
  const upload = async (user: string, caseId: number, filename: string, content: Buffer, mime?: string) => {
    const body = multipart(filename, content, mime);
    return app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/attachments`,
      payload: body.payload,
      headers: { ...body.headers, ...(await as(user)) },
    });
  };
  const post = async (user: string, url: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url, payload, headers: await as(user) });
  const get = async (user: string, url: string) =>
    app.inject({ method: 'GET', url, headers: await as(user) });

  /** A 海勃湾区 case registered by the 12345 agent. */
  async function newCase(): Promise<{ id: number; version: number }> {
    const [district] = await ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.code, '150302'));
    const [grid] = await ctx.db
      .select({ lng: orgs.centerLng, lat: orgs.centerLat })
      .from(orgs)
      .where(and(eq(orgs.kind, 'grid'), like(orgs.path, `${district!.path}%`)))
      .orderBy(asc(orgs.id))
      .limit(1);
    const response = await post('agent', '/api/v1/cases', {
      source: 'hotline_12345',
      type: 'complaint',
      content: '小区楼道内堆放杂物，存在消防隐患',
      citizenName: '张先生',
      citizenPhone: '13912345678',
      location: { longitude: grid!.lng, latitude: grid!.lat },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-attachments-'));
    ctx = await createTestContext({
      env: { SHANZHI_DATA_DIR: dataDir, SHANZHI_ATTACHMENT_MAX_BYTES: String(MAX_BYTES) },
      seeded: true,
    });
    app = (await createTestApp(ctx)).app;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a real PNG by its content hash, once however often it is sent, and lists it on the case', async () => {
    const { id } = await newCase();
    const first = await upload('agent', id, '现场照片.png', PNG);
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({ caseId: id, name: '现场照片.png', mime: 'image/png', size: PNG.length });
    expect(fs.readFileSync(attachmentPath(dataDir, body.sha256))).toEqual(PNG);
    const again = await upload('agent', id, 'copy.png', PNG);
    expect(again.json().sha256).toBe(body.sha256);
    expect(fs.readdirSync(path.dirname(attachmentPath(dataDir, body.sha256)))).toEqual([body.sha256]);
    const list = await get('agent', `/api/v1/cases/${id}/attachments`);
    expect(list.json().items.map((a: { name: string }) => a.name)).toEqual(['现场照片.png', 'copy.png']);
  });

  it('masks a phone in a file name for the leader, in full for the agent (finding 5)', async () => {
    const { id } = await newCase();
    const uploaded = await upload('agent', id, '车主13987654321的车.png', PNG);
    expect(uploaded.json().name).toBe('车主13987654321的车.png');
    const names = async (user: string) =>
      (await get(user, `/api/v1/cases/${id}/attachments`)).json().items.map((a: { name: string }) => a.name);
    expect(await names('leader')).toEqual(['车主139****4321的车.png']);
    expect(await names('agent')).toEqual(['车主13987654321的车.png']);
    const download = await get('leader', `/api/v1/attachments/${uploaded.json().id}`);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('车主139****4321的车.png')}`,
    );
  });

  it('keeps and serves a file name without its bidirectional formatting characters (finding 10)', async () => {
    const { id } = await newCase();
    // shown as 「发票exe.png」 with the override: a name that lies about what the file is
    const response = await upload('agent', id, '发票\u202Egnp.exe\u2066\u200F.png', PNG);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().name).toBe('发票gnp.exe.png');
    const list = await get('agent', `/api/v1/cases/${id}/attachments`);
    expect(list.json().items.map((a: { name: string }) => a.name)).toEqual(['发票gnp.exe.png']);
    const download = await get('agent', `/api/v1/attachments/${response.json().id}`);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('发票gnp.exe.png')}`,
    );
  });

  it('streams an attachment back with its proven type', async () => {
    const { id } = await newCase();
    const { id: attachmentId } = (await upload('agent', id, 'a.png', PNG)).json();
    const response = await get('dispatcher', `/api/v1/attachments/${attachmentId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.rawPayload).toEqual(PNG);
    expect(errorOf(await get('dispatcher', '/api/v1/attachments/999999')).code).toBe('ATTACHMENT_NOT_FOUND');
  });

  it('refuses a text file named .png with 415, whatever its declared type', async () => {
    const { id } = await newCase();
    const response = await upload('agent', id, 'photo.png', Buffer.from('this is not an image at all'));
    expect(response.statusCode).toBe(415);
    expect(errorOf(response).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a file over the configured size with 413 and keeps nothing of it', async () => {
    const { id } = await newCase();
    const big = Buffer.concat([PNG.subarray(0, 16), Buffer.alloc(MAX_BYTES + 100, 1)]);
    const response = await upload('agent', id, 'big.png', big);
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('PAYLOAD_TOO_LARGE');
    expect(fs.readdirSync(path.join(dataDir, 'attachments', 'tmp'))).toEqual([]);
  });

  it('answers 400 without a file, 403 to another district and to roles without case.attach', async () => {
    const { id } = await newCase();
    const noFile = await post('agent', `/api/v1/cases/${id}/attachments`, { file: 'x' });
    expect(noFile.statusCode).toBe(400);
    expect(errorOf(await upload('handler_wd', id, 'a.png', PNG)).code).toBe('OUT_OF_SCOPE');
    const { id: attachmentId } = (await upload('agent', id, 'a.png', PNG)).json();
    expect((await get('handler_wd', `/api/v1/attachments/${attachmentId}`)).statusCode).toBe(403);
    expect((await upload('leader', id, 'a.png', PNG)).statusCode).toBe(403);
    expect(errorOf(await upload('agent', 999_999, 'a.png', PNG)).code).toBe('CASE_NOT_FOUND');
  });

  it('refuses a body that is not the multipart it claims to be with 400 MALFORMED_REQUEST', async () => {
    const { id } = await newCase();
    const send = async (contentType: string, payload: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/attachments`,
        payload,
        headers: { 'content-type': contentType, ...(await as('agent')) },
      });
    const noBoundary = await send('multipart/form-data', 'not a form');
    expect(noBoundary.statusCode, noBoundary.body).toBe(400);
    expect(errorOf(noBoundary).code).toBe('MALFORMED_REQUEST');
    const cutShort = await send(
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
    );
    expect(errorOf(cutShort).code).toBe('MALFORMED_REQUEST');
    expect((await get('agent', `/api/v1/cases/${id}/attachments`)).json().items).toEqual([]);
  });

  it("lets progress and reply carry the case's own attachments only", async () => {
    const mine = await newCase();
    const other = await newCase();
    const own = (await upload('agent', mine.id, 'a.png', PNG)).json().id;
    const foreign = (await upload('agent', other.id, 'b.png', PNG)).json().id;
    const housing = await orgIdOf(ctx, 'unit.housing');
    let version = (
      await post('dispatcher', `/api/v1/cases/${mine.id}/actions/dispatch`, {
        version: 0,
        leadUnitId: housing,
      })
    ).json().version;
    version = (await post('handler', `/api/v1/cases/${mine.id}/actions/accept`, { version })).json().version;
    const refused = await post('handler', `/api/v1/cases/${mine.id}/actions/progress`, {
      version,
      note: '已到现场查看',
      attachmentIds: [own, foreign],
    });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).fields?.[0]?.field).toBe('attachmentIds');
    const accepted = await post('handler', `/api/v1/cases/${mine.id}/actions/progress`, {
      version,
      note: '已到现场查看',
      attachmentIds: [own],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const reply = await post('handler', `/api/v1/cases/${mine.id}/actions/reply`, {
      version: accepted.json().version,
      content: '已清理楼道杂物',
      attachmentIds: [foreign],
    });
    expect(reply.statusCode).toBe(400);
  });
});
