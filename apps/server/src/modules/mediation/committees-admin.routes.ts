import { AddMediatorInput, CommitteeInput, CommitteeView, MediatorView } from '@shanzhi/shared';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, NoContent, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { addMediator, createCommittee, editCommittee, removeMediator } from './committees-admin.service.js';

const tags = ['mediation'];

/** A mediator of a committee in the path. */
const MediatorParams = IdParams.extend({
  mediatorId: z.coerce.number().int().positive().max(2_147_483_647),
}).strict();

/** 调解组织管理: committees created and edited, mediators added and removed, by those who configure mediation. */
export function registerCommitteeAdminRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/mediation/committees',
    {
      config: { permission: 'mediation.configure' },
      schema: {
        tags,
        summary: '新建调解组织 Create a committee (its level follows its org, or its fields)',
        body: CommitteeInput,
        response: { 201: CommitteeView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCommittee(ctx, actorOf(request), request.body)),
  );
  app.put(
    '/api/v1/mediation/committees/:id',
    {
      config: { permission: 'mediation.configure' },
      schema: {
        tags,
        summary: '编辑调解组织 Change a committee’s name, org and fields',
        params: IdParams,
        body: CommitteeInput,
        response: { 200: CommitteeView, ...STANDARD_ERRORS },
      },
    },
    async (request) => editCommittee(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/mediation/committees/:id/mediators',
    {
      config: { permission: 'mediation.configure' },
      schema: {
        tags,
        summary: '添加调解员 A user becomes a mediator of the committee',
        params: IdParams,
        body: AddMediatorInput,
        response: { 201: MediatorView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMediator(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/v1/mediation/committees/:id/mediators/:mediatorId',
    {
      config: { permission: 'mediation.configure' },
      schema: {
        tags,
        summary: '移除调解员 A mediator leaves the committee (not while disputes are in his hands)',
        params: MediatorParams,
        response: { 204: NoContent, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      await removeMediator(ctx, actorOf(request), request.params.id, request.params.mediatorId);
      return reply.status(204).send(null);
    },
  );
}
