import {
  CreateKnowledgeEntryInput,
  KnowledgeEntry,
  KnowledgeListQuery,
  KnowledgeVersionInput,
  PublicFaqList,
  PublicFaqQuery,
  pageOf,
  UpdateKnowledgeEntryInput,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { ErrorResponse, IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { presentEntry, presentPublicFaq } from './knowledge.presenter.js';
import {
  changeEntry,
  createEntry,
  deactivateEntry,
  findEntries,
  findPublicFaq,
  loadEntry,
  todayOf,
} from './knowledge.service.js';
import { registerReplyTemplateRoutes } from './reply-templates.routes.js';

const tags = ['knowledge'];

/** The knowledge base (知识库) for intake, its public FAQ, and the standard reply templates (标准回复样板). */
export function registerKnowledgeRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/knowledge',
    {
      config: { permission: 'knowledge.read' },
      schema: {
        tags,
        summary:
          '知识库 Search (q, best first) or list (newest first) the entries valid today; valid=all for editors',
        querystring: KnowledgeListQuery,
        response: { 200: pageOf(KnowledgeEntry), ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const query = request.query;
      const { rows, total } = await findEntries(ctx, actor, query);
      const today = todayOf(ctx);
      return {
        items: rows.map((row) => presentEntry(row, actor, today)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/knowledge/:id',
    {
      config: { permission: 'knowledge.read' },
      schema: {
        tags,
        summary: '知识库条目 One entry (expired ones too: a case may cite it)',
        params: IdParams,
        response: { 200: KnowledgeEntry, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const row = await loadEntry(ctx.db, request.params.id);
      return presentEntry({ ...row, score: null }, actorOf(request), todayOf(ctx));
    },
  );

  app.post(
    '/api/v1/knowledge',
    {
      config: { permission: 'knowledge.write' },
      schema: {
        tags,
        summary: '新建知识库条目 Add an entry',
        body: CreateKnowledgeEntryInput,
        response: { 201: KnowledgeEntry, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await createEntry(ctx, actor, request.body);
      return reply.status(201).send(presentEntry({ ...row, score: null }, actor, todayOf(ctx)));
    },
  );

  app.patch(
    '/api/v1/knowledge/:id',
    {
      config: { permission: 'knowledge.write' },
      schema: {
        tags,
        summary: '修改知识库条目 Change an entry read at `version` (409 when stale)',
        params: IdParams,
        body: UpdateKnowledgeEntryInput,
        response: { 200: KnowledgeEntry, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await changeEntry(ctx, actor, request.params.id, request.body);
      return presentEntry({ ...row, score: null }, actor, todayOf(ctx));
    },
  );

  app.post(
    '/api/v1/knowledge/:id/deactivate',
    {
      config: { permission: 'knowledge.write' },
      schema: {
        tags,
        summary: '停用知识库条目 Withdraw an entry from intake (409 when stale)',
        params: IdParams,
        body: KnowledgeVersionInput,
        response: { 200: KnowledgeEntry, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await deactivateEntry(ctx, actor, request.params.id, request.body.version);
      return presentEntry({ ...row, score: null }, actor, todayOf(ctx));
    },
  );

  app.get(
    '/api/v1/public/faq',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '常见问题（公众）Public FAQ: entries valid today, best matches of q first; no sign-in',
        querystring: PublicFaqQuery,
        response: { 200: PublicFaqList, 400: ErrorResponse },
      },
    },
    async (request) => ({ items: (await findPublicFaq(ctx, request.query)).map(presentPublicFaq) }),
  );

  registerReplyTemplateRoutes(app, ctx);
}
