import {
  KpiQuery,
  KpiRanking,
  KpiRankingQuery,
  KpiReport,
  KpiSettings,
  KpiTrend,
  KpiTrendQuery,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { readKpiSettings, writeKpiSettings } from './kpi-settings.service.js';
import { getKpiRanking, getKpiReport, getKpiTrend } from './kpis.service.js';

const tags = ['kpis'];

/** 考核: the measures of an org subtree, rankings, trends, and their configuration. */
export function registerKpiRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/kpis',
    {
      config: { permission: 'kpi.read' },
      schema: {
        tags,
        summary: '考核指标 Every count and rate of an org subtree over a period, and the composite score',
        querystring: KpiQuery,
        response: { 200: KpiReport, ...STANDARD_ERRORS },
      },
    },
    async (request) => getKpiReport(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/kpis/ranking',
    {
      config: { permission: 'kpi.read' },
      schema: {
        tags,
        summary: '考核排名 Units, districts or towns ranked by composite score, flagged under the threshold',
        querystring: KpiRankingQuery,
        response: { 200: KpiRanking, ...STANDARD_ERRORS },
      },
    },
    async (request) => getKpiRanking(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/kpis/trend',
    {
      config: { permission: 'kpi.read' },
      schema: {
        tags,
        summary: '指标趋势 Counts and the three rates per day, week or month (Beijing time)',
        querystring: KpiTrendQuery,
        response: { 200: KpiTrend, ...STANDARD_ERRORS },
      },
    },
    async (request) => getKpiTrend(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/kpis/config',
    {
      config: { permission: 'kpi.configure' },
      schema: {
        tags,
        summary: '考核配置 Weights, the 基本满意 coefficient and the flag threshold in force',
        response: { 200: KpiSettings, ...STANDARD_ERRORS },
      },
    },
    async () => readKpiSettings(ctx),
  );

  app.put(
    '/api/v1/kpis/config',
    {
      config: { permission: 'kpi.configure' },
      schema: {
        tags,
        summary: '修改考核配置 Replace the weights, coefficient and threshold (audited)',
        body: KpiSettings,
        response: { 200: KpiSettings, ...STANDARD_ERRORS },
      },
    },
    async (request) => writeKpiSettings(ctx, actorOf(request), request.body),
  );
}
