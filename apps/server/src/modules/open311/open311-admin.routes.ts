import {
  CreatedOpen311Key,
  CreateOpen311KeyInput,
  Open311KeyList,
  Open311KeyView,
  Open311ServiceInput,
  Open311ServiceList,
  Open311ServiceView,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { createOpen311Key, listOpen311KeyViews, revokeOpen311Key } from './open311-keys.service.js';
import { listServiceSettings, saveServiceSetting } from './open311-services.service.js';

const tags = ['open311'];

/** The console's side of the open API: integrators' API keys, and which catalog leaves are offered. */
export function registerOpen311AdminRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/open311/keys',
    {
      config: { permission: 'open311.manage' },
      schema: {
        tags,
        summary:
          '签发 API 密钥 Issue an integrator’s key: answered this once, kept hashed; its own channel and hourly limit',
        body: CreateOpen311KeyInput,
        response: { 201: CreatedOpen311Key, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await createOpen311Key(ctx, actorOf(request), request.body));
    },
  );

  app.get(
    '/api/v1/open311/keys',
    {
      config: { permission: 'open311.manage' },
      schema: {
        tags,
        summary: 'API 密钥 The integrators’ keys, newest first (never the keys themselves)',
        response: { 200: Open311KeyList, ...STANDARD_ERRORS },
      },
    },
    async () => {
      const items = await listOpen311KeyViews(ctx);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/v1/open311/keys/:id/revoke',
    {
      config: { permission: 'open311.manage' },
      schema: {
        tags,
        summary: '吊销 API 密钥 Revoke a key: every later call with it answers 403',
        params: IdParams,
        response: { 200: Open311KeyView, ...STANDARD_ERRORS },
      },
    },
    async (request) => revokeOpen311Key(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/open311/services',
    {
      config: { permission: 'open311.manage' },
      schema: {
        tags,
        summary: '开放服务 Every catalog leaf with how it is offered through Open311',
        response: { 200: Open311ServiceList, ...STANDARD_ERRORS },
      },
    },
    async () => {
      const items = await listServiceSettings(ctx);
      return { items, total: items.length };
    },
  );

  app.put(
    '/api/v1/open311/services/:id',
    {
      config: { permission: 'open311.manage' },
      schema: {
        tags,
        summary:
          '开放服务设置 Publish a catalog leaf (by id) as a service: group, description, keywords, attributes',
        params: IdParams,
        body: Open311ServiceInput,
        response: { 200: Open311ServiceView, ...STANDARD_ERRORS },
      },
    },
    async (request) => saveServiceSetting(ctx, actorOf(request), request.params.id, request.body),
  );
}
