import {
  CreateReportInput,
  ReportItem,
  ReportListQuery,
  ReportPage,
  ReportRequested,
  ReportSchedule,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { fileAnswer, IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import { contentDispositionOf, DOCX_TYPE, XLSX_TYPE } from '../../platform/http/file-answers.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { readReportSchedule, writeReportSchedule } from './report-schedule.service.js';
import {
  getReportForActor,
  listReportsForActor,
  type ReportFileKind,
  readReportFileForActor,
  requestReport,
} from './reports.service.js';

const tags = ['reports'];

const FILES: Record<ReportFileKind, { path: string; type: string; summary: string }> = {
  document: {
    path: 'document.docx',
    type: DOCX_TYPE,
    summary: '研判专刊 The report as a Word document (200 once ready, 409 REPORT_NOT_READY while produced)',
  },
  tables: {
    path: 'tables.xlsx',
    type: XLSX_TYPE,
    summary: '报告表格 The report’s tables as an .xlsx workbook, one sheet per table (409 while produced)',
  },
};

/** 报告: 每日汇总·每周研判·每月总结 of an org subtree — ask for one, list them, follow one, download it. */
export function registerReportRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/reports',
    {
      config: { permission: 'report.generate' },
      schema: {
        tags,
        summary: '生成报告 Queue a report of an org and period (the existing one if already kept); 202',
        body: CreateReportInput,
        response: { 202: ReportRequested, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const answer = await requestReport(ctx, actorOf(request), request.body);
      return reply.code(202).header('location', `/api/v1/reports/${answer.id}`).send(answer);
    },
  );

  app.get(
    '/api/v1/reports',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: '报告列表 The reports on the orgs of the caller’s scope, the newest period first',
        querystring: ReportListQuery,
        response: { 200: ReportPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listReportsForActor(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/reports/schedule',
    {
      config: { permission: 'report.configure' },
      schema: {
        tags,
        summary:
          '定时报告 Which reports the platform produces by itself, of which orgs, at what Beijing time',
        response: { 200: ReportSchedule, ...STANDARD_ERRORS },
      },
    },
    async () => readReportSchedule(ctx),
  );

  app.put(
    '/api/v1/reports/schedule',
    {
      config: { permission: 'report.configure' },
      schema: {
        tags,
        summary: '修改定时报告 Replace the schedule of reports (audited)',
        body: ReportSchedule,
        response: { 200: ReportSchedule, ...STANDARD_ERRORS },
      },
    },
    async (request) => writeReportSchedule(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/v1/reports/:id',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: '报告 A report: status, progress, period, org and error',
        params: IdParams,
        response: { 200: ReportItem, ...STANDARD_ERRORS },
      },
    },
    async (request) => getReportForActor(ctx, actorOf(request), request.params.id),
  );

  for (const [file, spec] of Object.entries(FILES) as [ReportFileKind, (typeof FILES)[ReportFileKind]][]) {
    app.get(
      `/api/v1/reports/:id/${spec.path}`,
      {
        config: { permission: 'report.read' },
        schema: {
          tags,
          summary: spec.summary,
          params: IdParams,
          response: { 200: fileAnswer(spec.type, spec.path), ...STANDARD_ERRORS },
        },
      },
      async (request, reply) => {
        const { body, fileName } = await readReportFileForActor(
          ctx,
          actorOf(request),
          request.params.id,
          file,
        );
        return reply
          .header('content-type', spec.type)
          .header('content-disposition', contentDispositionOf(fileName))
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }
}
