import fastifyMultipart from '@fastify/multipart';
import type { Permission } from '@shanzhi/shared';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { actorOf } from './authenticate.js';
import { ErrorResponse, fileAnswer, STANDARD_ERRORS } from './common.schemas.js';
import { XLSX_TYPE } from './file-answers.js';
import type { ApiInstance } from './types.js';

/** An Excel import: its template and the import of a filled one, under one permission. */
export interface XlsxImport {
  tags: string[];
  permission: Permission;
  /** `GET` answers the template, as `templateFile` (ASCII) and `templateName` (shown to the user) */
  templatePath: string;
  templateFile: string;
  templateName: string;
  templateSummary: string;
  buildTemplate: () => Promise<Buffer>;
  /** `POST` takes the filled file (multipart, field `file`, at most `maxMegabytes`) */
  importPath: string;
  importSummary: string;
  maxMegabytes: number;
  /** the answer's schema (the response is serialized through it) */
  result: z.ZodType;
  run: (actor: Actor, bytes: Buffer) => Promise<unknown>;
}

function noFile(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field: 'file', code: 'required', message }]);
}

/** The two routes of an Excel import; multipart parsing is registered in the import's scope only. */
export function registerXlsxImport(app: ApiInstance, spec: XlsxImport): void {
  const { tags, permission } = spec;
  app.get(
    spec.templatePath,
    {
      config: { permission },
      schema: {
        tags,
        summary: spec.templateSummary,
        response: { 200: fileAnswer(XLSX_TYPE, 'The template'), ...STANDARD_ERRORS },
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="${spec.templateFile}"; filename*=UTF-8''${encodeURIComponent(spec.templateName)}`,
        )
        .send(await spec.buildTemplate()),
  );

  // multipart parsing in this scope only, so the rest of the API stays JSON
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: spec.maxMegabytes * 1024 * 1024, files: 1, fields: 2, parts: 3 },
      throwFileSizeLimit: false,
    });
    const api = scope as unknown as ApiInstance;
    api.post(
      spec.importPath,
      {
        config: { permission },
        schema: {
          tags,
          summary: spec.importSummary,
          consumes: ['multipart/form-data'],
          response: { 200: spec.result, ...STANDARD_ERRORS, 413: ErrorResponse },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw noFile('请以 multipart/form-data 上传文件（字段 file）');
        const file = await request.file();
        if (!file) throw noFile('请选择要导入的 Excel 文件（字段 file）');
        const bytes = await file.toBuffer();
        if (file.file.truncated)
          throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${spec.maxMegabytes} MB`);
        return spec.run(actorOf(request), bytes);
      },
    );
  });
}
