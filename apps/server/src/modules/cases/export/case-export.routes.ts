import { PassThrough } from 'node:stream';
import { CaseExportQuery } from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import { actorOf } from '../../../platform/http/authenticate.js';
import { fileAnswer, STANDARD_ERRORS } from '../../../platform/http/common.schemas.js';
import { contentDispositionOf, XLSX_TYPE } from '../../../platform/http/file-answers.js';
import type { ApiInstance } from '../../../platform/http/types.js';
import { exportFileName, prepareCaseExport, writeCaseExport } from './case-export.service.js';

/** The filters of `GET /api/v1/cases` without its page: the export writes every matching row. */

/** `GET /api/v1/cases/export`: the current filter of the case list as a streamed .xlsx file. */
export function registerCaseExportRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/cases/export',
    {
      config: { permission: 'case.export' },
      schema: {
        tags: ['cases'],
        summary: '导出工单 The cases of the list’s filter as an .xlsx workbook (streamed)',
        querystring: CaseExportQuery,
        response: {
          200: fileAnswer(XLSX_TYPE, '.xlsx workbook, streamed'),
          ...STANDARD_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // Everything that can be the caller's mistake is decided here, before the first byte is sent.
      const prepared = await prepareCaseExport(ctx, actor, request.query);
      const body = new PassThrough();
      const startedAt = Date.now();
      writeCaseExport(ctx, actor, prepared, body)
        .then((rows) => {
          request.log.info({ rows, ms: Date.now() - startedAt }, 'case export written');
        })
        .catch((error: unknown) => {
          // Headers are gone by now: all that is left is to cut the download short and say why in the log.
          request.log.error({ err: error }, 'case export failed');
          body.destroy(error instanceof Error ? error : new Error(String(error)));
        });
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDispositionOf(exportFileName(ctx.clock.now())))
        .header('cache-control', 'no-store')
        .header('x-total-count', String(prepared.total))
        .send(body);
    },
  );
}
