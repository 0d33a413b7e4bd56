import { DashboardLive, DashboardMap, DashboardOverview, DashboardQuery } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { getDashboardLive, getDashboardMap, getDashboardOverview } from './dashboard.service.js';

const tags = ['dashboard'];

/** 城市运行一个屏: the command hall's big screen — its numbers, its live part and its map. */
export function registerDashboardRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/dashboard/overview',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags,
        summary:
          '大屏总览 Counts, the three rates and the score against last period, hot categories and words, warnings, overdue and red-light cases by unit, rankings, today’s points, the latest cases and the flagged petitions',
        querystring: DashboardQuery,
        response: { 200: DashboardOverview, ...STANDARD_ERRORS },
      },
    },
    async (request) => getDashboardOverview(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/dashboard/live',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags,
        summary: '大屏实时 Today’s count, points and the latest cases (reloaded on each new case)',
        querystring: DashboardQuery,
        response: { 200: DashboardLive, ...STANDARD_ERRORS },
      },
    },
    async (request) => getDashboardLive(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/dashboard/map',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags,
        summary:
          '大屏地图 An org’s outline, its districts or towns and its grids with their open cases; a grid’s staff and open cases',
        querystring: DashboardQuery,
        response: { 200: DashboardMap, ...STANDARD_ERRORS },
      },
    },
    async (request) => getDashboardMap(ctx, actorOf(request), request.query),
  );
}
