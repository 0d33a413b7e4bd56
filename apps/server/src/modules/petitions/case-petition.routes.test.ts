import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, expectError, type SeededApi } from '../../test/api.js';
import { orgs } from '../orgs/orgs.tables.js';

let api: SeededApi;
let police: number;
beforeAll(async () => {
  api = await createSeededApi({ clock: new ManualClock('2026-03-01T02:00:00.000Z') });
  const [row] = await api.ctx.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, 'unit.police'));
  police = row!.id;
});
afterAll(() => api.close());

const CALL = {
  source: 'hotline_12345',
  type: 'complaint',
  content: '小区燃气改造每户收取 2600 元，老人担心是诈骗，希望有人帮忙核实并反映。',
  citizenName: '韩德胜',
  citizenPhone: '13947312345',
};
const HAN = { name: '韩德胜', idNumber: '150302194805120019', phone: '13947312345' };

describe('a 12345 case that is a petition (转信访代办)', () => {
  it('becomes a petition at the agency point named, once; the case records the step', async () => {
    const registered = await api.send('POST', '/api/v1/cases', CALL, 'agent');
    expect(registered.statusCode, registered.body).toBe(201);
    const kase = registered.json();
    const url = `/api/v1/cases/${kase.id}/actions/convert_to_petition`;
    expectError(
      await api.send('POST', url, { version: kase.version, orgId: police, petitioners: [] }, 'agent'),
      400,
      'VALIDATION_FAILED',
      'petitioners',
    );
    expectError(
      await api.send('POST', url, { version: kase.version, orgId: police, petitioners: [HAN] }, 'petition'),
      403,
      'FORBIDDEN',
    );
    const converted = await api.send(
      'POST',
      url,
      { version: kase.version, orgId: police, petitioners: [HAN] },
      'agent',
    );
    expect(converted.statusCode, converted.body).toBe(200);
    const { petitionId } = converted.json();
    expectError(
      await api.send('POST', url, { version: kase.version + 1, orgId: police, petitioners: [HAN] }, 'agent'),
      409,
      'ALREADY_CONVERTED',
    );

    // the police bureau's agent finds it designated to him, and takes it on
    const petition = (await api.get(`/api/v1/petitions/${petitionId}`, 'petition')).json();
    expect(petition).toMatchObject({
      source: 'case_12345',
      mode: 'designated',
      caseId: kase.id,
      orgName: '乌海市公安局',
      state: 'registered',
      actions: ['accept', 'refuse', 'contact'],
    });
    expect(petition.matter).toContain('燃气改造');
    const timeline = (await api.get(`/api/v1/cases/${kase.id}`, 'agent')).json().timeline;
    expect(timeline.at(-1)).toMatchObject({
      action: 'convert_to_petition',
      note: `转信访代办：XF-${petitionId}`,
    });
  });
});
