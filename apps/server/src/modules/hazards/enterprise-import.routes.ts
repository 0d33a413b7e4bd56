import fastifyMultipart from '@fastify/multipart';
import { EnterpriseImportResult } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { ErrorResponse, fileAnswer, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { buildEnterpriseTemplate, importEnterprises } from './enterprise-import.service.js';

const tags = ['safety'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

function noFile(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field: 'file', code: 'required', message }]);
}

/** 企业台账导入: the template, and the import of a filled one (multipart, field `file`). */
export function registerEnterpriseImportRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/safety/enterprise-template',
    {
      config: { permission: 'safety.manage' },
      schema: {
        tags,
        summary: '企业台账导入模板 The .xlsx template of the enterprise import',
        response: { 200: fileAnswer(XLSX_TYPE, 'The template'), ...STANDARD_ERRORS },
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="enterprise-template.xlsx"; filename*=UTF-8''${encodeURIComponent('企业台账导入模板.xlsx')}`,
        )
        .send(await buildEnterpriseTemplate()),
  );

  // multipart parsing in this scope only, so the rest of the API stays JSON
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, parts: 3 },
      throwFileSizeLimit: false,
    });
    const api = scope as unknown as ApiInstance;
    api.post(
      '/api/v1/safety/enterprise-imports',
      {
        config: { permission: 'safety.manage' },
        schema: {
          tags,
          summary:
            '导入企业台账 Import enterprises from .xlsx (multipart, field `file`): good rows are added, each ' +
            'refused row is named with its field and why',
          consumes: ['multipart/form-data'],
          response: { 200: EnterpriseImportResult, ...STANDARD_ERRORS, 413: ErrorResponse },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw noFile('请以 multipart/form-data 上传文件（字段 file）');
        const file = await request.file();
        if (!file) throw noFile('请选择要导入的 Excel 文件（字段 file）');
        const bytes = await file.toBuffer();
        if (file.file.truncated) {
          throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
        }
        return importEnterprises(ctx, actorOf(request), bytes);
      },
    );
  });
}
