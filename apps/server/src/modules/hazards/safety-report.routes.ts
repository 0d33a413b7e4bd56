import {
  SafetyAnnualReportQuery,
  SafetyQuarterlyReportQuery,
  SafetyReportConfirmationInput,
  SafetyReportConfirmationList,
  SafetyReportConfirmationQuery,
  SafetyReportConfirmationView,
} from '@shanzhi/shared';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { fileAnswer, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import { sendWorkbook, XLSX_TYPE } from '../../platform/http/file-answers.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { confirmSafetyReport, listSafetyReportConfirmations } from './report-confirmations.service.js';
import { safetyReport } from './safety-report.service.js';
import { safetyReportFileName, writeSafetyReportWorkbook } from './safety-report-workbook.js';

const tags = ['safety'];

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
        response: { 200: fileAnswer(XLSX_TYPE, '.xlsx workbook'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const report = await safetyReport(ctx, actorOf(request), request.query as z.infer<typeof querystring>);
      return sendWorkbook(reply, safetyReportFileName(report), await writeSafetyReportWorkbook(report));
    },
  );
}

/** 签字确认: an enterprise signs its report of a period; who signed, when, and on time, per enterprise. */
function registerConfirmationRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/safety/reports/confirmations',
    {
      config: { permission: 'safety.confirm_report' },
      schema: {
        tags,
        summary: '签字确认 The enterprise’s principal signs its quarterly or annual hazard statistics',
        body: SafetyReportConfirmationInput,
        response: { 201: SafetyReportConfirmationView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await confirmSafetyReport(ctx, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/safety/reports/confirmations',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary: '确认情况 Each enterprise’s signature of a period’s report (已确认/未确认, on time or late)',
        querystring: SafetyReportConfirmationQuery,
        response: { 200: SafetyReportConfirmationList, ...STANDARD_ERRORS },
      },
    },
    async (request) => listSafetyReportConfirmations(ctx, actorOf(request), request.query),
  );
}

/** 隐患排查治理统计表: the quarterly and annual tables (令第16号 art. 14) and their signatures. */
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
  registerConfirmationRoutes(app, ctx);
}
