import { CaseSettingsInput } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { readCaseSettings, writeCaseSettings } from './case-settings.js';

const tags = ['cases'];

/** 办理设置: the automatic-dispatch threshold and the rework limit, read and changed by administrators. */
export function registerCaseSettingsRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/case-settings',
    {
      config: { permission: 'case.configure' },
      schema: {
        tags,
        summary: '办理设置 The auto-dispatch threshold (null = off) and the rework limit in force',
        response: { 200: CaseSettingsInput, ...STANDARD_ERRORS },
      },
    },
    async () => readCaseSettings(ctx),
  );

  app.put(
    '/api/v1/case-settings',
    {
      config: { permission: 'case.configure' },
      schema: {
        tags,
        summary: '修改办理设置 Replace the auto-dispatch threshold and the rework limit (audited)',
        body: CaseSettingsInput,
        response: { 200: CaseSettingsInput, ...STANDARD_ERRORS },
      },
    },
    async (request) => writeCaseSettings(ctx, actorOf(request), request.body),
  );
}
