import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, createSeededApi, expectError, type SeededApi } from '../../test/api.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { open311Keys } from './open311.tables.js';

let api: SeededApi;
beforeAll(async () => {
  api = await createSeededApi();
});
afterAll(() => api.close());

type Leaf = { categoryId: number; code: string; name: string; published: boolean; areaName: string };

async function leaves(): Promise<Leaf[]> {
  const response = await api.get('/api/v1/open311/services');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

describe('API keys in the console', () => {
  it('issues a key shown this once, keeps only its hash, and lists it by its first characters', async () => {
    const created = await api.send('POST', '/api/v1/open311/keys', {
      name: '区级随手拍小程序',
      rateLimitPerHour: 500,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { key, apiKey } = created.json();
    expect(key).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: '区级随手拍小程序',
      prefix: key.slice(0, 11),
      channelCode: expect.stringMatching(/^open311_\d+$/),
      rateLimitPerHour: 500,
      createdBy: 'admin',
      revokedAt: null,
    });
    const [row] = await api.ctx.db.select().from(open311Keys).where(eq(open311Keys.id, apiKey.id));
    expect(row!.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(key);
    const list = await api.get('/api/v1/open311/keys');
    expect(list.json().items.find((k: { id: number }) => k.id === apiKey.id)).toMatchObject({
      prefix: apiKey.prefix,
    });
    expect(list.body).not.toContain(key);
  });

  it('gives every key a channel of its own, and refuses a taken or built-in channel', async () => {
    const first = await api.send('POST', '/api/v1/open311/keys', {
      name: '供水公司系统',
      channelCode: 'water_co',
    });
    expect(first.statusCode, first.body).toBe(201);
    expectError(
      await api.send('POST', '/api/v1/open311/keys', { name: '另一家', channelCode: 'water_co' }),
      400,
      'VALIDATION_FAILED',
      'channelCode',
    );
    expectError(
      await api.send('POST', '/api/v1/open311/keys', { name: '冒名门户', channelCode: 'web_portal' }),
      400,
      'VALIDATION_FAILED',
      'channelCode',
    );
    expectError(
      await api.send('POST', '/api/v1/open311/keys', { name: '限流', rateLimitPerHour: 1 }),
      400,
      'VALIDATION_FAILED',
      'rateLimitPerHour',
    );
  });

  it('revokes a key once and audits issuing and revoking', async () => {
    const { apiKey } = (await api.send('POST', '/api/v1/open311/keys', { name: '试点应用' })).json();
    const revoked = await api.send('POST', `/api/v1/open311/keys/${apiKey.id}/revoke`, {});
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const again = await api.send('POST', `/api/v1/open311/keys/${apiKey.id}/revoke`, {});
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt);
    expectError(await api.send('POST', '/api/v1/open311/keys/999999/revoke', {}), 404, 'API_KEY_NOT_FOUND');
    expect(
      (await auditEntries(api, 'open311.key_created')).some((e) => e.targetId === String(apiKey.id)),
    ).toBe(true);
    expect(
      (await auditEntries(api, 'open311.key_revoked')).filter((e) => e.targetId === String(apiKey.id)),
    ).toHaveLength(1);
  });

  it('is the administrator’s: other roles are refused', async () => {
    expectError(await api.get('/api/v1/open311/keys', 'dispatcher'), 403, 'FORBIDDEN');
    expectError(
      await api.send('POST', '/api/v1/open311/keys', { name: '某应用' }, 'leader'),
      403,
      'FORBIDDEN',
    );
    expectError(await api.get('/api/v1/open311/services', 'agent'), 403, 'FORBIDDEN');
  });
});

describe('published services in the console', () => {
  it('lists every leaf of the catalog with its place and whether the city publishes it', async () => {
    const all = await leaves();
    expect(all.length).toBeGreaterThan(20);
    expect(all.find((l) => l.name === '挪车')).toMatchObject({ published: true, areaName: '便民服务' });
    expect(all.some((l) => !l.published)).toBe(true);
  });

  it('publishes a leaf under a group with its attributes, stores the flag on the catalog leaf, and audits it', async () => {
    const leaf = (await leaves()).find((l) => l.name === '家电维修')!;
    const saved = await api.send('PUT', `/api/v1/open311/services/${leaf.categoryId}`, {
      published: true,
      group: '生活便民',
      keywords: '家电, 维修, appliance',
      attributes: [
        {
          code: 'appliance',
          datatype: 'singlevaluelist',
          required: true,
          description: '什么电器',
          values: [{ key: 'tv', name: '电视' }],
        },
        { code: 'bought', datatype: 'datetime', required: false, description: '购买时间' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      published: true,
      group: '生活便民',
      keywords: '家电, 维修, appliance',
    });
    expect(saved.json().attributes).toHaveLength(2);
    const [row] = await api.ctx.db
      .select({ published: catalogCategories.published, group: catalogCategories.serviceGroup })
      .from(catalogCategories)
      .where(eq(catalogCategories.id, leaf.categoryId));
    expect(row).toEqual({ published: true, group: '生活便民' });
    const audit = await auditEntries(api, 'open311.service_changed');
    expect(audit.find((e) => e.targetId === String(leaf.categoryId))?.detail).toMatchObject({
      published: true,
    });
  });

  it('refuses a category that is no leaf, and attributes the specification would not carry', async () => {
    const all = await leaves();
    const [area] = (await api.get('/api/v1/catalog/categories?level=1')).json().items;
    expectError(
      await api.send('PUT', `/api/v1/open311/services/${area.id}`, { published: true }),
      404,
      'CATEGORY_NOT_FOUND',
    );
    const leaf = all[0]!;
    expectError(
      await api.send('PUT', `/api/v1/open311/services/${leaf.categoryId}`, {
        published: true,
        attributes: [
          { code: 'kind', datatype: 'singlevaluelist', required: false, description: '类型', values: [] },
        ],
      }),
      400,
      'VALIDATION_FAILED',
      /attributes\.0\.values/,
    );
    expectError(
      await api.send('PUT', `/api/v1/open311/services/${leaf.categoryId}`, {
        published: true,
        attributes: [{ code: 'not a code', datatype: 'string', required: false, description: '说明' }],
      }),
      400,
      'VALIDATION_FAILED',
      /attributes\.0\.code/,
    );
  });
});
