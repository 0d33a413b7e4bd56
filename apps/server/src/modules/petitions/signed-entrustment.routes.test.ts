import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PETITION_SCAN_MAX_BYTES } from '@shanzhi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, expectError, expectOk, type SeededApi } from '../../test/api.js';

let api: SeededApi;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-entrustment-scan-'));
  api = await createSeededApi({
    clock: new ManualClock('2026-03-01T02:00:00.000Z'),
    env: { SHANZHI_DATA_DIR: dataDir },
  });
});
afterAll(async () => {
  await api?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ELDER = { name: '韩德胜', idNumber: '150302194805120019', phone: '13947312345' };
const PDF = Buffer.from('%PDF-1.7\n% 委托代办书（已签署）\n%%EOF\n');
/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function registered(mode: 'entrusted' | 'proactive') {
  return expectOk(
    api.send(
      'POST',
      '/api/v1/petitions',
      { mode, matter: '小区燃气改造每户收取 2600 元，请核实收费是否合规', petitioners: [ELDER] },
      'petition',
    ),
    201,
  );
}

function upload(petition: { id: number; version: number }, scan: string, user = 'petition') {
  return api.send(
    'POST',
    `/api/v1/petitions/${petition.id}/actions/attach_signed_entrustment`,
    { version: petition.version, scan },
    user,
  );
}

describe('the signed 委托代办书 of an entrusted petition', () => {
  it('is unsigned until its scan is uploaded, then signed, on the timeline and downloadable', async () => {
    const petition = await registered('entrusted');
    expect(petition.entrustment).toMatchObject({ signedAt: null, signedScanUrl: null });
    expect(petition.actions).toContain('attach_signed_entrustment');
    expectError(
      await api.get(`/api/v1/petitions/${petition.id}/entrustment/signed`, 'petition'),
      404,
      'PETITION_ENTRUSTMENT_NOT_SIGNED',
    );

    const signed = await expectOk(upload(petition, `data:application/pdf;base64,${PDF.toString('base64')}`));
    expect(signed.entrustment).toMatchObject({
      signedAt: '2026-03-01T02:00:00.000Z',
      signedScanUrl: `/api/v1/petitions/${petition.id}/entrustment/signed`,
    });
    expect(signed.state).toBe('registered');
    expect(signed.timeline.at(-1)).toMatchObject({
      action: 'attach_signed_entrustment',
      actorName: '高志勇（公安信访代办员）',
      changes: { mime: 'application/pdf', size: PDF.length },
    });
    const file = await api.get(signed.entrustment.signedScanUrl, 'petition');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // the leader reads the file; someone without petition.read does not
    expect((await api.get(signed.entrustment.signedScanUrl, 'leader')).statusCode).toBe(200);
    expectError(await api.get(signed.entrustment.signedScanUrl, 'merchant'), 403, 'FORBIDDEN');

    // a better scan replaces it; the timeline keeps both uploads
    const again = await expectOk(upload(signed, PNG.toString('base64')));
    const png = await api.get(again.entrustment.signedScanUrl, 'petition');
    expect(png.headers['content-type']).toBe('image/png');
    expect(
      again.timeline.filter((e: { action: string }) => e.action === 'attach_signed_entrustment'),
    ).toHaveLength(2);
  });

  it('refuses another type or a scan too big with 400 on scan, and a petition not entrusted', async () => {
    const petition = await registered('entrusted');
    const text = Buffer.from('this is not a scan, only a text file').toString('base64');
    expectError(await upload(petition, text), 400, 'VALIDATION_FAILED', 'scan');
    expect((await upload(petition, text)).json().error.fields[0].code).toBe('not_an_image');
    const big = Buffer.concat([PDF, Buffer.alloc(PETITION_SCAN_MAX_BYTES)]).toString('base64');
    const tooBig = await upload(petition, big);
    expectError(tooBig, 400, 'VALIDATION_FAILED', 'scan');
    expectError(await upload(petition, 'not base64 at all!!'), 400, 'VALIDATION_FAILED', 'scan');
    expectError(await upload(petition, PDF.toString('base64'), 'leader'), 403, 'FORBIDDEN');

    const proactive = await registered('proactive');
    expect(proactive.actions).not.toContain('attach_signed_entrustment');
    expectError(await upload(proactive, PDF.toString('base64')), 404, 'PETITION_NOT_ENTRUSTED');
  });
});
