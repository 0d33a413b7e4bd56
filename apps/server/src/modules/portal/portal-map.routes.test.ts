import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { type CaseWorld, createCaseWorld } from '../cases/cases.test-support.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

let ip = 1;
const get = (url: string) => w.api.app.inject({ method: 'GET', url, remoteAddress: `10.2.0.${ip++}` });

describe('the public map of the citizen portal', () => {
  it('draws the city and its districts without sign-in: names and outlines only', async () => {
    const response = await get('/api/v1/portal/areas');
    expect(response.statusCode, response.body).toBe(200);
    const { area, children } = response.json();
    expect(area).toMatchObject({ name: '乌海市', kind: 'city' });
    expect(children.map((c: { name: string }) => c.name)).toEqual(['海勃湾区', '海南区', '乌达区']);
    for (const child of children) {
      expect(Object.keys(child).sort()).toEqual(['boundary', 'id', 'kind', 'name']);
      expect(child.boundary.type).toMatch(/Polygon$/);
    }
    expect(response.headers['cache-control']).toContain('public');
  });

  it('goes down to a community’s grids, and refuses what is not a territorial area', async () => {
    const point = await w.pointIn('150302');
    const located = await get(`/api/v1/portal/locate?lat=${point.latitude}&lng=${point.longitude}`);
    expect(located.statusCode, located.body).toBe(200);
    const chain = located.json();
    expect(chain.district).toMatchObject({ name: '海勃湾区', kind: 'district' });
    expect(chain.grid).toMatchObject({ kind: 'grid' });

    const community = (await get(`/api/v1/portal/areas?parentId=${chain.community.id}`)).json();
    expect(community.area.id).toBe(chain.community.id);
    expect(community.children.map((c: { id: number }) => c.id)).toContain(chain.grid.id);

    expectError(await get(`/api/v1/portal/areas?parentId=${w.ids.housing}`), 404, 'ORG_NOT_FOUND');
    expectError(await get('/api/v1/portal/areas?parentId=abc'), 400, 'VALIDATION_FAILED', 'query.parentId');
  });

  it('answers 404 for a point outside every grid and 400 for a bad coordinate', async () => {
    expectError(await get('/api/v1/portal/locate?lat=0&lng=0'), 404, 'POINT_OUTSIDE_CITY');
    expectError(await get('/api/v1/portal/locate?lat=91&lng=106'), 400, 'VALIDATION_FAILED', 'query.lat');
  });
});
