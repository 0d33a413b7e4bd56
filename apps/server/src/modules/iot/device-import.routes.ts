import { DeviceImportResult } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { registerXlsxImport } from '../../platform/http/xlsx-import.routes.js';
import { buildDeviceTemplate, importDevices } from './device-import.service.js';

/** 设备导入: the template, and the import of a filled one (multipart, field `file`), all rows or none. */
export function registerDeviceImportRoutes(app: ApiInstance, ctx: AppContext): void {
  registerXlsxImport(app, {
    tags: ['iot'],
    permission: 'iot.manage_devices',
    templatePath: '/api/v1/iot/device-template',
    templateFile: 'device-template.xlsx',
    templateName: '感知设备导入模板.xlsx',
    templateSummary: '设备导入模板 The .xlsx template of the device import',
    buildTemplate: buildDeviceTemplate,
    importPath: '/api/v1/iot/device-imports',
    importSummary:
      '导入设备 Import devices from .xlsx (multipart, field `file`): all rows registered with their ' +
      'secrets shown once, or none, each refused row named with its column and why',
    maxMegabytes: 5,
    result: DeviceImportResult,
    run: (actor, bytes) => importDevices(ctx, actor, bytes),
  });
}
