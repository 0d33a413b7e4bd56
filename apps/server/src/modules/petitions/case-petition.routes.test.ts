import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../outbox-subscribers.js';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, expectError, type SeededApi } from '../../test/api.js';
import { runOutboxDispatch } from '../notifications/jobs/outbox-dispatch.job.js';
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
      actions: ['accept', 'refuse', 'contact', 'flag_risk'],
    });
    expect(petition.matter).toContain('燃气改造');
    const timeline = (await api.get(`/api/v1/cases/${kase.id}`, 'agent')).json().timeline;
    expect(timeline.at(-1)).toMatchObject({
      action: 'convert_to_petition',
      note: `转信访代办：XF-${petitionId}`,
    });
  });

  it('is offered on the case, shows the petition it became, and is concluded when the petition closes', async () => {
    const kase = (
      await api.send('POST', '/api/v1/cases', { ...CALL, citizenName: '刘桂兰' }, 'agent')
    ).json();
    const offered = (await api.get(`/api/v1/cases/${kase.id}`, 'agent')).json();
    expect(offered).toMatchObject({ petitionId: null });
    expect(offered.actions).toContain('convert_to_petition');
    expect((await api.get(`/api/v1/cases/${kase.id}`, 'handler')).json().actions ?? []).not.toContain(
      'convert_to_petition',
    );

    const converted = await api.send(
      'POST',
      `/api/v1/cases/${kase.id}/actions/convert_to_petition`,
      {
        version: kase.version,
        orgId: police,
        mode: 'entrusted',
        matter: '燃气改造收费是否合规，请代为核实',
        petitioners: [HAN],
      },
      'agent',
    );
    expect(converted.statusCode, converted.body).toBe(200);
    const { petitionId } = converted.json();
    const following = (await api.get(`/api/v1/cases/${kase.id}`, 'agent')).json();
    expect(following).toMatchObject({ petitionId, state: kase.state });
    expect(following.actions).not.toContain('convert_to_petition');

    let petition = (await api.get(`/api/v1/petitions/${petitionId}`, 'petition')).json();
    expect(petition).toMatchObject({ mode: 'entrusted', matter: '燃气改造收费是否合规，请代为核实' });
    for (const [action, body] of [
      ['accept', {}],
      ['answer', { answer: '经核实，收费经物价部门核准' }],
      ['close', { resolved: true }],
    ] as const) {
      const done = await api.send(
        'POST',
        `/api/v1/petitions/${petitionId}/actions/${action}`,
        { version: petition.version, ...body },
        'petition',
      );
      expect(done.statusCode, done.body).toBe(200);
      petition = done.json();
      // the case follows only the closing
      await runOutboxDispatch(api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
      const now = (await api.get(`/api/v1/cases/${kase.id}`, 'agent')).json();
      expect(now.state).toBe(action === 'close' ? 'closed' : kase.state);
    }
    const closed = (await api.get(`/api/v1/cases/${kase.id}`, 'agent')).json();
    expect(closed.timeline.at(-1)).toMatchObject({
      action: 'conclude_by_petition',
      actor: { name: '系统' },
      note: `随信访办结：XF-${petitionId}（已化解）`,
    });
    expect(closed).toMatchObject({ petitionId });
    expect(closed.actions).toEqual([]);
  });
});
