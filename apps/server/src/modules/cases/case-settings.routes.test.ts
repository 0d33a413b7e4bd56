import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, createSeededApi, expectError, expectOk, type SeededApi } from '../../test/api.js';
import { readCaseSettings } from './case-settings.js';

let api: SeededApi;

beforeAll(async () => {
  api = await createSeededApi();
});
afterAll(async () => {
  await api?.close();
});

const URL = '/api/v1/case-settings';

describe('办理设置 /api/v1/case-settings', () => {
  it('answers the defaults until a city sets its own: 0.95 and 3 working days', async () => {
    expect(await expectOk(api.get(URL))).toEqual({
      autoDispatchThreshold: 0.95,
      reworkLimit: { value: 3, unit: 'working_days' },
    });
  });

  it('is for administrators only', async () => {
    expectError(await api.get(URL, 'dispatcher'), 403, 'FORBIDDEN');
    const put = await api.send(
      'PUT',
      URL,
      { autoDispatchThreshold: 0.8, reworkLimit: { value: 2, unit: 'working_days' } },
      'leader',
    );
    expectError(put, 403, 'FORBIDDEN');
  });

  it('refuses a threshold outside 0.5–1, a bad limit and unknown fields, naming the field', async () => {
    const limit = { value: 3, unit: 'working_days' };
    expectError(
      await api.send('PUT', URL, { autoDispatchThreshold: 0.3, reworkLimit: limit }),
      400,
      'VALIDATION_FAILED',
      'autoDispatchThreshold',
    );
    expectError(
      await api.send('PUT', URL, { autoDispatchThreshold: 1.2, reworkLimit: limit }),
      400,
      'VALIDATION_FAILED',
      'autoDispatchThreshold',
    );
    expectError(
      await api.send('PUT', URL, {
        autoDispatchThreshold: 0.9,
        reworkLimit: { value: 0, unit: 'working_days' },
      }),
      400,
      'VALIDATION_FAILED',
      'reworkLimit.value',
    );
    expectError(
      await api.send('PUT', URL, {
        autoDispatchThreshold: 0.9,
        reworkLimit: { value: 2, unit: 'fortnights' },
      }),
      400,
      'VALIDATION_FAILED',
      'reworkLimit.unit',
    );
    expectError(
      await api.send('PUT', URL, { reworkLimit: limit }),
      400,
      'VALIDATION_FAILED',
      'autoDispatchThreshold',
    );
    expect(await expectOk(api.get(URL))).toMatchObject({ autoDispatchThreshold: 0.95 });
  });

  it('stores new settings, which every reader then uses, and audits the change', async () => {
    const next = { autoDispatchThreshold: null, reworkLimit: { value: 5, unit: 'working_days' } };
    expect(await expectOk(api.send('PUT', URL, next))).toEqual(next);
    expect(await expectOk(api.get(URL))).toEqual(next);
    expect(await readCaseSettings(api.ctx)).toEqual(next);
    const [entry] = await auditEntries(api, 'case.settings_changed');
    expect(entry).toMatchObject({ actorUsername: 'admin', targetId: 'cases' });
    expect(entry!.detail).toMatchObject({ from: { autoDispatchThreshold: 0.95 }, to: next });

    const on = { autoDispatchThreshold: 0.75, reworkLimit: { value: 48, unit: 'working_hours' } };
    expect(await expectOk(api.send('PUT', URL, on))).toEqual(on);
  });
});
