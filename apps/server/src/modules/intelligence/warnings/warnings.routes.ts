import { WarningItem, WarningListQuery, WarningPage, WarningsRunAnswer } from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import { actorOf } from '../../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../../platform/http/types.js';
import { runWarningsJob } from './warnings.job.js';
import { acknowledgeWarningForActor, listWarningsForActor } from './warnings.service.js';

const tags = ['warnings'];

/** 苗头性问题预警: the list, acknowledging one, and running the detection now. */
export function registerWarningRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/warnings',
    {
      config: { permission: 'warning.read' },
      schema: {
        tags,
        summary: '预警 Surges and emerging topics in the caller’s scope, most recently seen first',
        querystring: WarningListQuery,
        response: { 200: WarningPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listWarningsForActor(ctx, actorOf(request), request.query),
  );

  app.post(
    '/api/v1/warnings/:id/acknowledge',
    {
      config: { permission: 'warning.acknowledge' },
      schema: {
        tags,
        summary: '已知悉 Acknowledge a warning',
        params: IdParams,
        response: { 200: WarningItem, ...STANDARD_ERRORS },
      },
    },
    async (request) => acknowledgeWarningForActor(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/warnings/run',
    {
      config: { permission: 'warning.run' },
      schema: {
        tags,
        summary: '立即研判 Run the early-warning detection now',
        response: { 200: WarningsRunAnswer, ...STANDARD_ERRORS },
      },
    },
    async () => runWarningsJob(ctx),
  );
}
