import fastifyMultipart from '@fastify/multipart';
import { DeviceImportResult } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { ErrorResponse, fileAnswer, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { buildDeviceTemplate, importDevices } from './device-import.service.js';

const tags = ['iot'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

function noFile(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field: 'file', code: 'required', message }]);
}

/** 设备导入: the template, and the import of a filled one (multipart, field `file`), all rows or none. */
export function registerDeviceImportRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/device-template',
    {
      config: { permission: 'iot.manage_devices' },
      schema: {
        tags,
        summary: '设备导入模板 The .xlsx template of the device import',
        response: { 200: fileAnswer(XLSX_TYPE, 'The template'), ...STANDARD_ERRORS },
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="device-template.xlsx"; filename*=UTF-8''${encodeURIComponent('感知设备导入模板.xlsx')}`,
        )
        .send(await buildDeviceTemplate()),
  );

  // multipart parsing in this scope only, so the rest of the API stays JSON
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, parts: 3 },
      throwFileSizeLimit: false,
    });
    const api = scope as unknown as ApiInstance;
    api.post(
      '/api/v1/iot/device-imports',
      {
        config: { permission: 'iot.manage_devices' },
        schema: {
          tags,
          summary:
            '导入设备 Import devices from .xlsx (multipart, field `file`): all rows registered with their ' +
            'secrets shown once, or none, each refused row named with its column and why',
          consumes: ['multipart/form-data'],
          response: { 200: DeviceImportResult, ...STANDARD_ERRORS, 413: ErrorResponse },
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
        return importDevices(ctx, actorOf(request), bytes);
      },
    );
  });
}
