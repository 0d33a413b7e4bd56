import {
  GridMapQuery,
  GridRanking,
  GridRankingQuery,
  GridStatsExportQuery,
  GridStatsMap,
  GridStatsQuery,
  GridStatsReport,
} from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import { actorOf } from '../../../platform/http/authenticate.js';
import { fileAnswer, STANDARD_ERRORS } from '../../../platform/http/common.schemas.js';
import { sendWorkbook, XLSX_TYPE } from '../../../platform/http/file-answers.js';
import type { ApiInstance } from '../../../platform/http/types.js';
import {
  getGridRanking,
  getGridStats,
  getGridStatsAndRanking,
  getGridStatsMap,
} from './grid-stats.service.js';
import { gridStatsFileName, writeGridStatsWorkbook } from './grid-stats-export.js';

const tags = ['grid'];

/** 网格统计: the numbers of an org and the orgs below it, the ranking of grids, the map's areas, the export. */
export function registerGridStatsRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/grid/stats',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary:
          '网格统计 Patrols against plans, km, findings and their closing rate ((就地解决 + 随工单办结) / (发现 − 撤销)), tasks and overdue ones, of an org and each org below it',
        querystring: GridStatsQuery,
        response: { 200: GridStatsReport, ...STANDARD_ERRORS },
      },
    },
    async (request) => getGridStats(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/grid/stats/ranking',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '网格排名 Every grid (or community, town, district) under an org, best first by one measure',
        querystring: GridRankingQuery,
        response: { 200: GridRanking, ...STANDARD_ERRORS },
      },
    },
    async (request) => getGridRanking(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/grid/stats/map',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary:
          '网格地图 The boundaries of the grids (or another level) under an org, to colour by a measure',
        querystring: GridMapQuery,
        response: { 200: GridStatsMap, ...STANDARD_ERRORS },
      },
    },
    async (request) => getGridStatsMap(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/grid/stats/export',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '导出网格统计 The numbers of an org and the ranking of a level as an .xlsx workbook',
        querystring: GridStatsExportQuery,
        response: { 200: fileAnswer(XLSX_TYPE, '.xlsx workbook'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const { report, ranking } = await getGridStatsAndRanking(ctx, actorOf(request), request.query);
      const file = await writeGridStatsWorkbook(report, ranking);
      return sendWorkbook(reply, gridStatsFileName(report), file);
    },
  );
}
