import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, expectError, gridPointIn, type SeededApi } from '../../test/api.js';
import { multipart, type Part } from '../../test/multipart.js';
import { attachmentPath } from '../cases/attachments/attachment-store.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a JPEG (SOI + APP0 JFIF) and some bytes: enough for its magic bytes. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 photo')]);
const PDF = Buffer.from('%PDF-1.7\n% a document, not a photo\n');
const MAX_BYTES = 4096;

describe('photos with a request on the citizen portal', () => {
  let api: SeededApi;
  let dataDir: string;
  let location: { longitude: number; latitude: number };
  let ip = 1;

  const request = (description: string, extra: Record<string, unknown> = {}) => ({
    type: 'complaint',
    description,
    phone: '13947300009',
    location,
    ...extra,
  });
  const submit = (parts: Part[]) =>
    api.app.inject({
      method: 'POST',
      url: '/api/v1/portal/cases',
      remoteAddress: `10.1.0.${ip++}`,
      ...multipart(parts),
    });
  const data = (value: Record<string, unknown>): Part => ({ name: 'data', value: JSON.stringify(value) });
  const photo = (filename: string, content: Buffer): Part => ({ name: 'photos', filename, content });
  const storedFiles = () =>
    fs.existsSync(path.join(dataDir, 'attachments'))
      ? fs.readdirSync(path.join(dataDir, 'attachments'), { recursive: true }).length
      : 0;

  async function staffView(number: string) {
    const headers = await api.as('dispatcher');
    const list = await api.app.inject({ method: 'GET', url: `/api/v1/cases?q=${number}`, headers });
    const item = list.json().items.find((c: { number: string }) => c.number === number);
    const attachments = await api.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${item.id}/attachments`,
      headers,
    });
    const detail = await api.app.inject({ method: 'GET', url: `/api/v1/cases/${item.id}`, headers });
    const register = detail.json().timeline.find((e: { action: string }) => e.action === 'register');
    return { headers, attachments: attachments.json().items, register };
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-portal-photos-'));
    api = await createSeededApi({
      env: { SHANZHI_DATA_DIR: dataDir, SHANZHI_ATTACHMENT_MAX_BYTES: String(MAX_BYTES) },
    });
    location = await gridPointIn(api.ctx, '150302');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers the request with its photos as attachments of the new case, by the citizen', async () => {
    const response = await submit([
      data(request('小区垃圾桶满了好几天没人清运，气味很大，见照片。')),
      photo('垃圾桶.png', PNG),
      photo('现场.jpg', JPEG),
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const { headers, attachments, register } = await staffView(response.json().number);
    expect(attachments).toEqual([
      expect.objectContaining({ name: '垃圾桶.png', mime: 'image/png', size: PNG.length }),
      expect.objectContaining({ name: '现场.jpg', mime: 'image/jpeg', size: JPEG.length }),
    ]);
    expect(attachments[0].uploadedBy).toEqual({ userId: null, name: '群众（网上门户）', orgId: null });
    // one case, one file: the register event lists the photos the request came with
    expect(register.attachments).toEqual(attachments.map((a: { id: number }) => a.id));
    expect(fs.readFileSync(attachmentPath(dataDir, attachments[0].sha256))).toEqual(PNG);
    const download = await api.app.inject({ method: 'GET', url: attachments[1].url, headers });
    expect(download.rawPayload).toEqual(JPEG);
  });

  it('keeps a photo’s name without its bidirectional formatting characters (finding 10)', async () => {
    const response = await submit([
      data(request('路灯坏了一个多月，晚上出行很不方便，见照片。')),
      photo('路灯\u202Egpj.exe\u061C.png', PNG),
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const { attachments } = await staffView(response.json().number);
    expect(attachments.map((a: { name: string }) => a.name)).toEqual(['路灯gpj.exe.png']);
  });

  it('takes a request without photos as multipart too', async () => {
    const response = await submit([data(request('路口的井盖松动了，车压过去咣当响，请来修一下。'))]);
    expect(response.statusCode, response.body).toBe(201);
    expect((await staffView(response.json().number)).attachments).toEqual([]);
  });

  it('refuses a file that is not a JPEG, PNG or WebP photo by its content, naming it, and registers nothing', async () => {
    const response = await submit([
      data(request('这件诉求带着一个伪装成照片的文档，不应被受理。')),
      photo('scan.jpg', PDF),
    ]);
    expectError(response, 400, 'VALIDATION_FAILED', 'photos');
    expect(response.json().error.message).toContain('scan.jpg');
    const headers = await api.as('dispatcher');
    const list = await api.app.inject({ method: 'GET', url: `/api/v1/cases?q=${'伪装成照片'}`, headers });
    expect(list.json().items).toEqual([]);
  });

  it('refuses a photo over the size limit and more photos than allowed, with 400 on photos', async () => {
    const big = Buffer.concat([PNG.subarray(0, 16), Buffer.alloc(MAX_BYTES + 10, 1)]);
    const tooLarge = await submit([
      data(request('照片太大的诉求，应该被拒绝并说明原因。')),
      photo('big.png', big),
    ]);
    expectError(tooLarge, 400, 'VALIDATION_FAILED', 'photos');
    expect(tooLarge.json().error.fields[0].code).toBe('too_large');
    expect(fs.readdirSync(path.join(dataDir, 'attachments', 'tmp'))).toEqual([]);

    const four = [1, 2, 3, 4].map((n) => photo(`p${n}.png`, PNG));
    const tooMany = await submit([data(request('照片太多的诉求，应该被拒绝并说明原因。')), ...four]);
    expectError(tooMany, 400, 'VALIDATION_FAILED', 'photos');
    expect(tooMany.json().error.message).toContain('最多上传 3 张照片');
  });

  it('answers the request’s own field errors without storing its photos', async () => {
    const before = storedFiles();
    const response = await submit([
      data(request('太短', { phone: '12345' })),
      photo('a.jpg', Buffer.concat([JPEG, Buffer.from('unseen')])),
    ]);
    expectError(response, 400, 'VALIDATION_FAILED', 'phone');
    expectError(response, 400, 'VALIDATION_FAILED', 'description');
    expect(storedFiles()).toBe(before);
  });

  it('refuses photos before the request, unknown parts and a request that is not JSON', async () => {
    const early = await submit([photo('a.png', PNG), data(request('先发照片后发内容的请求应被拒绝。'))]);
    expectError(early, 400, 'VALIDATION_FAILED', 'data');
    const unknown = await submit([
      data(request('带着不认识的字段的请求应被拒绝。')),
      { name: 'x', value: '1' },
    ]);
    expectError(unknown, 400, 'VALIDATION_FAILED', 'x');
    expectError(await submit([{ name: 'data', value: '{not json' }]), 400, 'MALFORMED_JSON');
  });
});
