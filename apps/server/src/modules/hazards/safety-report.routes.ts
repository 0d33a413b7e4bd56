import { SafetyAnnualReportQuery, SafetyQuarterlyReportQuery } from '@shanzhi/shared';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { fileAnswer, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { contentDispositionOf } from '../cases/export/case-export.service.js';
import { safetyReport } from './safety-report.service.js';
import { safetyReportFileName, writeSafetyReportWorkbook } from './safety-report-workbook.js';

const tags = ['safety'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One statistical table's download: the stats route's permission and scope, for a quarter or a year. */
function registerReportDownload(
  app: ApiInstance,
  ctx: AppContext,
  file: string,
  summary: string,
  querystring: typeof SafetyQuarterlyReportQuery | typeof SafetyAnnualReportQuery,
): void {
  app.get(
    `/api/v1/safety/reports/${file}`,
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary,
        querystring,
        response: { 200: fileAnswer(XLSX, '.xlsx workbook'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const report = await safetyReport(ctx, actorOf(request), request.query as z.infer<typeof querystring>);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDispositionOf(safetyReportFileName(report)))
        .header('cache-control', 'no-store')
        .send(await writeSafetyReportWorkbook(report));
    },
  );
}

/** 隐患排查治理统计表: the quarterly and annual tables (令第16号 art. 14). */
export function registerSafetyReportRoutes(app: ApiInstance, ctx: AppContext): void {
  registerReportDownload(
    app,
    ctx,
    'quarterly.xlsx',
    '季度统计表 The hazard numbers of a quarter as an .xlsx workbook: totals, per industry, per enterprise',
    SafetyQuarterlyReportQuery,
  );
  registerReportDownload(
    app,
    ctx,
    'annual.xlsx',
    '年度统计表 The hazard numbers of a year as an .xlsx workbook: totals, per industry, per enterprise',
    SafetyAnnualReportQuery,
  );
}
