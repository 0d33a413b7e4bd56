import { EnterpriseImportResult } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { registerXlsxImport } from '../../platform/http/xlsx-import.routes.js';
import { buildEnterpriseTemplate, importEnterprises } from './enterprise-import.service.js';

/** 企业台账导入: the template, and the import of a filled one (multipart, field `file`). */
export function registerEnterpriseImportRoutes(app: ApiInstance, ctx: AppContext): void {
  registerXlsxImport(app, {
    tags: ['safety'],
    permission: 'safety.manage',
    templatePath: '/api/v1/safety/enterprise-template',
    templateFile: 'enterprise-template.xlsx',
    templateName: '企业台账导入模板.xlsx',
    templateSummary: '企业台账导入模板 The .xlsx template of the enterprise import',
    buildTemplate: buildEnterpriseTemplate,
    importPath: '/api/v1/safety/enterprise-imports',
    importSummary:
      '导入企业台账 Import enterprises from .xlsx (multipart, field `file`): good rows are added, each ' +
      'refused row is named with its field and why',
    maxMegabytes: 10,
    result: EnterpriseImportResult,
    run: (actor, bytes) => importEnterprises(ctx, actor, bytes),
  });
}
