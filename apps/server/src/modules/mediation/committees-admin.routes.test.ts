import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, userIdOf } from '../../test/api.js';
import { orgs } from '../orgs/orgs.tables.js';
import { createMediationWorld, type MediationWorld, waterDispute } from './mediation.test-support.js';

let w: MediationWorld;
beforeAll(async () => {
  w = await createMediationWorld();
});
afterAll(() => w.api.close());

async function call(method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, user = 'admin') {
  return w.api.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: await w.api.as(user),
  });
}

async function orgIdOf(name: string): Promise<number> {
  const [row] = await w.api.ctx.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, name));
  return row!.id;
}

async function aGrid(): Promise<number> {
  const [row] = await w.api.ctx.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.kind, 'grid')).limit(1);
  return row!.id;
}

function created(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('administering committees (调解组织管理)', () => {
  it('creates a specialised committee at the city and edits it; its level follows its org and fields', async () => {
    const city = await orgIdOf('乌海市');
    const committee = created(
      await call('POST', '/api/v1/mediation/committees', {
        name: '乌海市物业纠纷人民调解委员会（新）',
        orgId: city,
        fields: ['property'],
      }),
    );
    expect(committee).toMatchObject({ level: 'specialised', org: { id: city }, fields: ['property'] });

    const edited = await call('PUT', `/api/v1/mediation/committees/${committee.id}`, {
      name: '乌海市物业服务纠纷人民调解委员会',
      orgId: city,
      fields: ['property', 'consumer'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: '乌海市物业服务纠纷人民调解委员会',
      fields: ['property', 'consumer'],
    });

    // a territorial committee at a district that has one already is refused
    const district = (await w.get('admin', '/api/v1/mediation/committees'))
      .json()
      .items.find((c: { level: string }) => c.level === 'district');
    expectError(
      await call('PUT', `/api/v1/mediation/committees/${committee.id}`, {
        name: '另一个区调委会',
        orgId: district.org.id,
      }),
      409,
      'COMMITTEE_EXISTS',
      'orgId',
    );
    const listed = (await w.get('admin', '/api/v1/mediation/committees')).json().items;
    expect(listed.find((c: { id: number }) => c.id === committee.id)).toMatchObject({
      name: '乌海市物业服务纠纷人民调解委员会',
      level: 'specialised',
    });
  });

  it('refuses bad input with its field, a taken name or org with 409, and those without the right', async () => {
    const yuhong = w.yuhong.orgId;
    expectError(
      await call('POST', '/api/v1/mediation/committees', { orgId: yuhong }),
      400,
      'VALIDATION_FAILED',
      'name',
    );
    expectError(
      await call('POST', '/api/v1/mediation/committees', {
        name: '某调委会',
        orgId: yuhong,
        fields: ['astrology'],
      }),
      400,
      'VALIDATION_FAILED',
      /^fields/,
    );
    expectError(
      await call('POST', '/api/v1/mediation/committees', { name: '网格调委会', orgId: await aGrid() }),
      400,
      'VALIDATION_FAILED',
      'orgId',
    );
    expectError(
      await call('POST', '/api/v1/mediation/committees', {
        name: '网格物业调委会',
        orgId: await aGrid(),
        fields: ['property'],
      }),
      400,
      'VALIDATION_FAILED',
      'orgId',
    );
    expectError(
      await call('POST', '/api/v1/mediation/committees', { name: '不存在的组织调委会', orgId: 999_999 }),
      400,
      'VALIDATION_FAILED',
      'orgId',
    );
    expectError(
      await call('POST', '/api/v1/mediation/committees', {
        name: '育红社区人民调解委员会',
        orgId: yuhong,
        fields: ['family'],
      }),
      409,
      'COMMITTEE_EXISTS',
      'name',
    );
    expectError(
      await call('POST', '/api/v1/mediation/committees', { name: '育红社区第二调委会', orgId: yuhong }),
      409,
      'COMMITTEE_EXISTS',
      'orgId',
    );
    expectError(
      await call(
        'POST',
        '/api/v1/mediation/committees',
        { name: '调解员自建调委会', orgId: yuhong, fields: ['family'] },
        'mediator',
      ),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(
        'POST',
        `/api/v1/mediation/committees/${w.yuhong.committeeId}/mediators`,
        { userId: 1 },
        'mediator',
      ),
      403,
      'FORBIDDEN',
    );
  });
});

describe('administering mediators (调解员)', () => {
  it('adds a user as a 金牌调解员 with his fields, refuses him twice, removes him and takes him back', async () => {
    const committeeId = w.town.committeeId;
    const handler = await userIdOf(w.api.ctx, 'handler');
    const url = `/api/v1/mediation/committees/${committeeId}/mediators`;
    const mediator = created(
      await call('POST', url, { userId: handler, fields: ['neighbour', 'property'], gold: true }),
    );
    expect(mediator).toMatchObject({
      userId: handler,
      committeeId,
      fields: ['neighbour', 'property'],
      gold: true,
    });
    expect(mediator.name).not.toBe('');
    expectError(await call('POST', url, { userId: handler }), 409, 'ALREADY_A_MEDIATOR', 'userId');
    expectError(await call('POST', url, { userId: 999_999 }), 400, 'VALIDATION_FAILED', 'userId');
    expectError(await call('POST', url, { userId: handler, gold: 'yes' }), 400, 'VALIDATION_FAILED', 'gold');

    const listed = async () =>
      (await w.get('admin', `/api/v1/mediation/mediators?committee=${committeeId}`))
        .json()
        .items.map((m: { id: number }) => m.id);
    expect(await listed()).toContain(mediator.id);
    const removed = await call('DELETE', `${url}/${mediator.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await listed()).not.toContain(mediator.id);
    expectError(await call('DELETE', `${url}/${mediator.id}`), 404, 'MEDIATOR_NOT_FOUND');

    const back = created(await call('POST', url, { userId: handler, fields: ['family'] }));
    expect(back).toMatchObject({ id: mediator.id, fields: ['family'], gold: false });
  });

  it('keeps a mediator who still has disputes in his hands', async () => {
    const dispute = (
      await w.send('mediator', '/api/v1/mediation/disputes', waterDispute(w.yuhong.orgId))
    ).json();
    const mediatorId = await w.mediatorOf(w.yuhong.committeeId);
    for (const [action, body] of [
      ['accept', {}],
      ['assign', { committeeId: w.yuhong.committeeId, mediatorId }],
    ] as const) {
      expect((await w.act('mediator', dispute.id, action, body)).statusCode).toBe(200);
    }
    expectError(
      await call('DELETE', `/api/v1/mediation/committees/${w.yuhong.committeeId}/mediators/${mediatorId}`),
      409,
      'MEDIATOR_HAS_DISPUTES',
    );
    // a mediator of another committee is not this one's
    expectError(
      await call('DELETE', `/api/v1/mediation/committees/${w.town.committeeId}/mediators/${mediatorId}`),
      404,
      'MEDIATOR_NOT_FOUND',
    );
  });
});
