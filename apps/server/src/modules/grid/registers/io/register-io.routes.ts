import { PassThrough } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import {
  HouseExportQuery,
  OrganisationExportQuery,
  RegisterImportEvent,
  RegisterKind,
  ResidentExportQuery,
} from '@shanzhi/shared';
import { z } from 'zod';
import type { AppContext } from '../../../../platform/context.js';
import { AppError } from '../../../../platform/errors/app-error.js';
import { actorOf } from '../../../../platform/http/authenticate.js';
import { ErrorResponse, fileAnswer, STANDARD_ERRORS } from '../../../../platform/http/common.schemas.js';
import { XLSX_TYPE } from '../../../../platform/http/file-answers.js';
import type { ApiInstance } from '../../../../platform/http/types.js';
import {
  prepareRegisterExport,
  type RegisterExportQuery,
  registerExportFileName,
  writeRegisterExport,
} from './register-export.service.js';
import { prepareRegisterImport, writeRegisterImport } from './register-import.service.js';
import { REGISTER_SHEETS } from './register-sheets.js';
import { buildRegisterTemplate } from './register-template.js';

const tags = ['grid-registers'];
/** The largest import file: a 10,000-row register is well under 2 MB. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const KindParams = z.object({ kind: RegisterKind }).strict();

/** `Content-Disposition` of a register file: an ASCII name for old clients, the Chinese one (RFC 6266) for the rest. */
function dispositionOf(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function noFile(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field: 'file', code: 'required', message }]);
}

/** 导入: a register's template, and the import of a filled one with its progress streamed back. */
function registerImportRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/grid/register-templates/:kind',
    {
      config: { permission: 'grid_register.write' },
      schema: {
        tags,
        summary:
          '导入模板 A register’s .xlsx template: the city’s columns, drop-downs, the caller’s grids and a guide',
        params: KindParams,
        response: { 200: fileAnswer(XLSX_TYPE, '.xlsx template'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const bytes = await buildRegisterTemplate(ctx, actorOf(request), kind);
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          dispositionOf(`${kind}-template.xlsx`, `${REGISTER_SHEETS[kind].title}导入模板.xlsx`),
        )
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );

  // multipart parsing in this scope only, so the rest of the API stays JSON
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, parts: 3 },
      throwFileSizeLimit: false,
    });
    const api = scope as unknown as ApiInstance;
    api.post(
      '/api/v1/grid/register-imports/:kind',
      {
        config: { permission: 'grid_register.write' },
        // progress lines must reach the browser as they are written, not when a compressor flushes
        compress: false,
        schema: {
          tags,
          summary:
            '导入基础信息 Import a filled template (multipart, field `file`): every row is checked first — 400 ' +
            'IMPORT_ROWS_INVALID names each bad row and nothing is written — then all rows are written in one ' +
            'transaction, its progress streamed as NDJSON lines (`writing` …, then `done` or `failed`)',
          consumes: ['multipart/form-data'],
          params: KindParams,
          response: {
            200: {
              description: 'One JSON object per line: `RegisterImportEvent`',
              content: { 'application/x-ndjson': { schema: RegisterImportEvent } },
            },
            ...STANDARD_ERRORS,
            413: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!request.isMultipart()) throw noFile('请以 multipart/form-data 上传文件（字段 file）');
        const file = await request.file();
        if (!file) throw noFile('请选择要导入的 Excel 文件（字段 file）');
        const bytes = await file.toBuffer();
        if (file.file.truncated) {
          throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
        }
        const { kind } = request.params;
        // Everything that can be the caller's mistake is decided here, before the first line is sent.
        const plan = await prepareRegisterImport(ctx, actor, kind, bytes);
        const body = new PassThrough();
        void writeRegisterImport(ctx, actor, kind, plan, (event) => {
          body.write(`${JSON.stringify(event)}\n`);
        }).finally(() => body.end());
        return (
          reply
            .header('content-type', 'application/x-ndjson; charset=utf-8')
            .header('cache-control', 'no-store')
            .header('x-accel-buffering', 'no')
            // the schema documents each line; the body is their stream
            .send(body as never)
        );
      },
    );
  });
}

const EXPORT_QUERIES = {
  houses: HouseExportQuery,
  residents: ResidentExportQuery,
  organisations: OrganisationExportQuery,
} as const;

/** 导出: the current filter of a register's list as a streamed .xlsx (audited; numbers in full only for `personal_data.read`). */
function registerExportRoute(app: ApiInstance, ctx: AppContext, kind: RegisterKind): void {
  app.get(
    `/api/v1/grid/${kind}/export`,
    {
      config: { permission: 'grid_register.export' },
      schema: {
        tags,
        summary: `导出${REGISTER_SHEETS[kind].title} The list’s filter as .xlsx in the import template’s columns (audited)`,
        querystring: EXPORT_QUERIES[kind],
        response: { 200: fileAnswer(XLSX_TYPE, '.xlsx workbook, streamed'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const prepared = await prepareRegisterExport(
        ctx,
        actorOf(request),
        kind,
        request.query as RegisterExportQuery,
      );
      const body = new PassThrough();
      writeRegisterExport(prepared, body).catch((error: unknown) => {
        // Headers are gone by now: all that is left is to cut the download short and say why in the log.
        request.log.error({ err: error }, 'register export failed');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          dispositionOf(`${kind}-export.xlsx`, registerExportFileName(kind, ctx.clock.now())),
        )
        .header('cache-control', 'no-store')
        .header('x-total-count', String(prepared.total))
        .send(body);
    },
  );
}

/** 基础信息的导入导出: templates, imports and exports of the three registers. */
export function registerGridRegisterIoRoutes(app: ApiInstance, ctx: AppContext): void {
  registerImportRoutes(app, ctx);
  for (const kind of RegisterKind.options) registerExportRoute(app, ctx, kind);
}
