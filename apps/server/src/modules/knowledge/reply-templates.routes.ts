import {
  CreateReplyTemplateInput,
  pageOf,
  ReplyTemplate,
  ReplyTemplateListQuery,
  UpdateReplyTemplateInput,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import { pageAnswer } from '../../platform/http/lists.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { presentTemplate } from './knowledge.presenter.js';
import { changeTemplate, createTemplate, findTemplates, loadTemplate } from './reply-templates.service.js';

const tags = ['reply-templates'];

/** Standard reply templates (标准回复样板) for handlers. */
export function registerReplyTemplateRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/reply-templates',
    {
      config: { permission: 'reply_template.read' },
      schema: {
        tags,
        summary: '回复样板 Templates for a category (its own, its parents’, the general ones), or all',
        querystring: ReplyTemplateListQuery,
        response: { 200: pageOf(ReplyTemplate), ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await findTemplates(ctx, actor, request.query);
      return pageAnswer(
        rows.map((row) => presentTemplate(row, actor)),
        total,
        request.query,
      );
    },
  );

  app.get(
    '/api/v1/reply-templates/:id',
    {
      config: { permission: 'reply_template.read' },
      schema: {
        tags,
        summary: '回复样板 One template',
        params: IdParams,
        response: { 200: ReplyTemplate, ...STANDARD_ERRORS },
      },
    },
    async (request) => presentTemplate(await loadTemplate(ctx.db, request.params.id), actorOf(request)),
  );

  app.post(
    '/api/v1/reply-templates',
    {
      config: { permission: 'reply_template.write' },
      schema: {
        tags,
        summary: '新建回复样板 Add a template',
        body: CreateReplyTemplateInput,
        response: { 201: ReplyTemplate, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.status(201).send(presentTemplate(await createTemplate(ctx, actor, request.body), actor));
    },
  );

  app.patch(
    '/api/v1/reply-templates/:id',
    {
      config: { permission: 'reply_template.write' },
      schema: {
        tags,
        summary: '修改回复样板 Change (or retire) a template read at `version` (409 when stale)',
        params: IdParams,
        body: UpdateReplyTemplateInput,
        response: { 200: ReplyTemplate, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentTemplate(await changeTemplate(ctx, actor, request.params.id, request.body), actor);
    },
  );
}
