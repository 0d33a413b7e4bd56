import fastifyMultipart from '@fastify/multipart';
import { AttachmentList, AttachmentView } from '@shanzhi/shared';
import { freeTextMaskingFor } from '../../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { actorOf } from '../../../platform/http/authenticate.js';
import {
  ErrorResponse,
  fileAnswer,
  IdParams,
  STANDARD_ERRORS,
} from '../../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../../platform/http/types.js';
import { ATTACHMENT_FALLBACK_NAME, cleanFileName } from './attachment-name.js';
import { sendStoredFile } from './attachment-reply.js';
import { presentAttachment } from './attachments.presenter.js';
import { listAttachmentsForActor, openAttachment, uploadAttachment } from './attachments.service.js';

const tags = ['cases'];

function noFile(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field: 'file', code: 'required', message }]);
}

/**
 * 附件: upload to a case (multipart, one `file` part), list a case's attachments, download one. Multipart
 * parsing is registered in this plugin's scope only, so the rest of the API stays JSON.
 */
export function registerAttachmentRoutes(app: ApiInstance, ctx: AppContext): void {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      // one byte over the limit is enough to know the file is too large; the parser cuts it there
      limits: { fileSize: ctx.config.SHANZHI_ATTACHMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
      throwFileSizeLimit: false,
    });
    const api = scope as unknown as ApiInstance;

    api.post(
      '/api/v1/cases/:id/attachments',
      {
        config: { permission: 'case.attach' },
        schema: {
          tags,
          summary:
            '上传附件 Attach a photo, document or recording to a case (multipart/form-data, field `file`)',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: AttachmentView, ...STANDARD_ERRORS, 413: ErrorResponse, 415: ErrorResponse },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!request.isMultipart()) throw noFile('请以 multipart/form-data 上传文件（字段 file）');
        const file = await request.file();
        if (!file) throw noFile('请选择要上传的文件（字段 file）');
        const row = await uploadAttachment(ctx, actor, request.params.id, {
          filename: file.filename,
          stream: file.file,
          truncated: () => file.file.truncated,
        });
        return reply.status(201).send(presentAttachment(row, freeTextMaskingFor(actor)));
      },
    );

    api.get(
      '/api/v1/cases/:id/attachments',
      {
        config: { permission: 'case.read' },
        schema: {
          tags,
          summary: '附件列表 The attachments of a case',
          params: IdParams,
          response: { 200: AttachmentList, ...STANDARD_ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const rows = await listAttachmentsForActor(ctx, actor, request.params.id);
        const masking = freeTextMaskingFor(actor);
        return { items: rows.map((row) => presentAttachment(row, masking)) };
      },
    );

    api.get(
      '/api/v1/attachments/:id',
      {
        config: { permission: 'case.read' },
        schema: {
          tags,
          summary: '下载附件 Download an attachment (scope-checked through its case)',
          params: IdParams,
          response: {
            200: fileAnswer(
              'application/octet-stream',
              'The file, with the content type it was uploaded with',
            ),
            ...STANDARD_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { row, stream } = await openAttachment(ctx, actor, request.params.id);
        const name = freeTextMaskingFor(actor).text(cleanFileName(row.name, ATTACHMENT_FALLBACK_NAME));
        return sendStoredFile(reply, { name, mime: row.mime, size: row.size }, stream);
      },
    );
  });
}
