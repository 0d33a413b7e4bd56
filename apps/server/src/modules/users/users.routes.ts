import {
  CreateUserInput,
  pageOf,
  ResetPasswordInput,
  SetUserRolesInput,
  UpdateUserInput,
  UserListQuery,
  UserView,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, NoContent, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { presentUser } from './users.presenter.js';
import {
  createUser,
  listUsersForActor,
  loadUserInScope,
  resetPassword,
  setUserRoles,
  unlockUserAccount,
  updateUser,
} from './users.service.js';

const tags = ['users'];

/** Users: list and read within scope, and the administrator's writes. */
export function registerUserRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags,
        summary: '用户列表 Users in scope',
        querystring: UserListQuery,
        response: { 200: pageOf(UserView), ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listUsersForActor(ctx, actor, request.query);
      const now = ctx.clock.now();
      return {
        items: rows.map((u) => presentUser(u, actor, now)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { permission: 'user.read' },
      schema: {
        tags,
        summary: '用户详情 One user',
        params: IdParams,
        response: { 200: UserView, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentUser(await loadUserInScope(ctx.db, actor, request.params.id), actor, ctx.clock.now());
    },
  );

  app.post(
    '/api/v1/users',
    {
      config: { permission: 'user.write' },
      schema: {
        tags,
        summary: '新建用户 Create a user',
        body: CreateUserInput,
        response: { 201: UserView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await createUser(ctx, actor, request.body);
      return reply.status(201).send(presentUser(user, actor, ctx.clock.now()));
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'user.write' },
      schema: {
        tags,
        summary: '修改用户 Change a user',
        params: IdParams,
        body: UpdateUserInput,
        response: { 200: UserView, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentUser(
        await updateUser(ctx, actor, request.params.id, request.body),
        actor,
        ctx.clock.now(),
      );
    },
  );

  app.put(
    '/api/v1/users/:id/roles',
    {
      config: { permission: 'role.write' },
      schema: {
        tags,
        summary: '设置用户角色 Set a user’s roles',
        params: IdParams,
        body: SetUserRolesInput,
        response: { 200: UserView, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentUser(
        await setUserRoles(ctx, actor, request.params.id, request.body),
        actor,
        ctx.clock.now(),
      );
    },
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      config: { permission: 'user.write' },
      schema: {
        tags,
        summary: '重置密码 Reset a password',
        params: IdParams,
        body: ResetPasswordInput,
        response: { 204: NoContent, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      await resetPassword(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/users/:id/unlock',
    {
      config: { permission: 'user.write' },
      schema: {
        tags,
        summary: '解除锁定 Unlock an account',
        params: IdParams,
        response: { 200: UserView, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentUser(await unlockUserAccount(ctx, actor, request.params.id), actor, ctx.clock.now());
    },
  );
}
