import { LocatedPointView, LocateQuery, PublicAreas, PublicAreasQuery } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { presentLocatedChain } from '../orgs/orgs.presenter.js';
import { loadPublicAreas, locatePublicPoint } from './portal-map.service.js';
import { PORTAL_MAP_LIMIT, PUBLIC_ERRORS, TokenBuckets } from './portal-rate-limit.js';

const tags = ['portal'];

/**
 * 公众地图: the citizen portal's map picker without an account — the outlines of the city's districts, towns,
 * communities and grids, and locating a point in them. Each client address has a budget of calls.
 */
export function registerPortalMapRoutes(app: ApiInstance, ctx: AppContext): void {
  const calls = new TokenBuckets(PORTAL_MAP_LIMIT, ctx.clock);

  app.get(
    '/api/v1/portal/areas',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          '地图区域 An area (the city without parentId) and the areas directly below it, with outlines',
        security: [],
        querystring: PublicAreasQuery,
        response: { 200: PublicAreas, ...PUBLIC_ERRORS },
      },
    },
    async (request, reply) => {
      calls.consume(request.ip);
      // outlines change with a re-drawing of the grids, not from one minute to the next
      reply.header('cache-control', 'public, max-age=600');
      return loadPublicAreas(ctx, request.query.parentId);
    },
  );

  app.get(
    '/api/v1/portal/locate',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '坐标定位 The grid, community, town and district of a point (GCJ-02)',
        security: [],
        querystring: LocateQuery,
        response: { 200: LocatedPointView, ...PUBLIC_ERRORS },
      },
    },
    async (request) => {
      calls.consume(request.ip);
      return presentLocatedChain(await locatePublicPoint(ctx, request.query));
    },
  );
}
