import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, expectError, expectOk, type SeededApi } from '../../test/api.js';

let api: SeededApi;
let address = 1;
const freshIp = () => `10.8.0.${address++}`;

beforeAll(async () => {
  // 2026-03-01 10:00 Beijing
  api = await createSeededApi({ clock: new ManualClock('2026-03-01T02:00:00.000Z') });
});
afterAll(() => api.close());

// a valid resident ID number (GB 11643 check digit)
const CITIZEN = { name: '韩德胜', idNumber: '150302194805120019', phone: '13947312345' };
const MATTER = '小区燃气改造每户收取 2600 元，怀疑收费不合规，请帮忙核实，电话 13947312345';

const submit = (body: Record<string, unknown>, ip = freshIp()) =>
  api.app.inject({ method: 'POST', url: '/api/v1/portal/petitions', payload: body, remoteAddress: ip });
const track = (number: string, phone: string, ip = freshIp()) =>
  api.app.inject({
    method: 'GET',
    url: `/api/v1/portal/petitions/${encodeURIComponent(number)}?phone=${phone}`,
    remoteAddress: ip,
  });

async function agencyPoint(): Promise<{ id: number; name: string }> {
  const { points } = await expectOk(
    api.app.inject({ method: 'GET', url: '/api/v1/portal/petitions/points', remoteAddress: freshIp() }),
  );
  return points.find((p: { name: string }) => p.name === '乌海市公安局');
}

async function submitted(): Promise<{ number: string; id: number }> {
  const point = await agencyPoint();
  const body = await expectOk(submit({ ...CITIZEN, matter: MATTER, orgId: point.id }), 201);
  return { number: body.number, id: Number(body.number.slice(3)) };
}

describe('a petition a citizen leaves on the portal (网上信访)', () => {
  it('offers the orgs where petition agents work as agency points', async () => {
    expect(await agencyPoint()).toMatchObject({ name: '乌海市公安局' });
  });

  it('waits at the point, 指定 and 网上信访, until an agent takes it; the 15 days run from submission', async () => {
    const point = await agencyPoint();
    const answer = await expectOk(submit({ ...CITIZEN, matter: MATTER, orgId: point.id }), 201);
    expect(answer).toMatchObject({ orgName: '乌海市公安局' });
    expect(answer.number).toMatch(/^XF-\d+$/);
    const id = Number(answer.number.slice(3));

    const waiting = await expectOk(api.get('/api/v1/petitions?unclaimed=true', 'petition'));
    const listed = waiting.items.find((p: { id: number }) => p.id === id);
    expect(listed).toMatchObject({
      state: 'registered',
      mode: 'designated',
      source: 'portal',
      agentName: null,
      acceptDeadline: '2026-03-16T15:59:59.999Z',
      actions: ['contact', 'flag_risk', 'take'],
    });
    expectError(
      await api.send(
        'POST',
        `/api/v1/petitions/${id}/actions/accept`,
        { version: listed.version },
        'petition',
      ),
      409,
      'PETITION_AWAITING_AGENT',
    );

    const taken = await expectOk(
      api.send('POST', `/api/v1/petitions/${id}/actions/take`, { version: listed.version }, 'petition'),
    );
    expect(taken).toMatchObject({ agentName: '高志勇（公安信访代办员）' });
    expect(taken.actions).toContain('accept');
    expect(taken.actions).not.toContain('take');
    expect(taken.timeline.map((e: { action: string }) => e.action)).toEqual(['register', 'take']);
    expect(taken.timeline[0].actorName).toBe('群众（网上门户）');
    expectError(
      await api.send('POST', `/api/v1/petitions/${id}/actions/take`, { version: taken.version }, 'petition'),
      409,
      'PETITION_ALREADY_TAKEN',
    );
    const claimedOnes = await expectOk(api.get('/api/v1/petitions?unclaimed=true', 'petition'));
    expect(claimedOnes.items.map((p: { id: number }) => p.id)).not.toContain(id);
  });

  it('shows the citizen his own petition by number and phone, masked, with its public steps', async () => {
    const { number, id } = await submitted();
    const seen = await expectOk(track(number.toLowerCase(), CITIZEN.phone));
    expect(seen).toMatchObject({
      number,
      state: 'registered',
      stateLabel: '已登记',
      orgName: '乌海市公安局',
      taken: false,
      acceptDeadline: '2026-03-16T15:59:59.999Z',
      timeline: [{ action: 'register', label: '登记' }],
    });
    expect(seen.matter).toContain('燃气改造');
    expect(seen.matter).not.toContain('13947312345');
    const version = (await api.get(`/api/v1/petitions/${id}`, 'petition')).json().version;
    await api.send('POST', `/api/v1/petitions/${id}/actions/take`, { version }, 'petition');
    await api.send(
      'POST',
      `/api/v1/petitions/${id}/actions/contact`,
      { version: version + 1, party: '信访人', channel: 'phone', note: '已电话联系信访人了解情况' },
      'petition',
    );
    const later = await expectOk(track(number, CITIZEN.phone));
    // the agent's own records stay inside
    expect(later.timeline.map((s: { action: string }) => s.action)).toEqual(['register', 'take']);
    expect(later.taken).toBe(true);
  });

  it('answers 404 to another phone or an unknown number, the same for both', async () => {
    const { number } = await submitted();
    expectError(await track(number, '13900000000'), 404, 'PETITION_NOT_FOUND');
    expectError(await track('XF-999999', CITIZEN.phone), 404, 'PETITION_NOT_FOUND');
  });

  it('refuses bad input with its fields, and an org that is no agency point', async () => {
    const point = await agencyPoint();
    const bad = await submit({
      name: '',
      idNumber: '150302194805120017',
      phone: '123',
      matter: '短',
      orgId: point.id,
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    const fields = bad.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'idNumber', 'phone', 'matter']));
    expectError(await submit({ ...CITIZEN, matter: MATTER }), 400, 'VALIDATION_FAILED', 'orgId');
    expectError(await submit({ ...CITIZEN, matter: MATTER, orgId: 1 }), 400, 'VALIDATION_FAILED', 'orgId');
    expectError(
      await submit({ ...CITIZEN, matter: MATTER, orgId: point.id, source: 'agent' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await track('WH-12', CITIZEN.phone), 400, 'VALIDATION_FAILED', 'params.number');
  });

  it('limits submissions per address as the portal’s requests', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i += 1) await submit({}, ip);
    expectError(await submit({}, ip), 429, 'RATE_LIMITED');
  });
});
