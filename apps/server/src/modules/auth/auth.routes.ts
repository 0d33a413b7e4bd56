import { ChangeOwnPasswordInput, LoginInput, LoginResponse, MeResponse } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf, SESSION_COOKIE, sessionTokenOf } from '../../platform/http/authenticate.js';
import { ErrorResponse, NoContent, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { presentMe } from './auth.presenter.js';
import { login, logout } from './auth.service.js';
import { changeOwnPassword } from './own-password.service.js';

/** Sign-in, sign-out and the current user. */
export function registerAuthRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        body: LoginInput,
        response: {
          200: LoginResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          423: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const origin = { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300) };
      const { token, response } = await login(ctx, request.body, origin);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.SESSION_COOKIE_SECURE,
        path: '/',
        // No expiry on the cookie: the server's sliding session decides when it ends, and a cookie with a
        // fixed date would drop a session the server has extended.
      });
      return response;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { signedIn: true },
      schema: {
        tags: ['auth'],
        summary: '退出登录 Sign out',
        response: { 204: NoContent, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const token = sessionTokenOf(request);
      if (token) await logout(ctx, token, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { signedIn: true },
      schema: { tags: ['auth'], summary: '当前用户 The signed-in user', response: { 200: MeResponse } },
    },
    async (request) => presentMe(actorOf(request)),
  );

  app.put(
    '/api/v1/me/password',
    {
      config: { signedIn: true },
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change one’s own password (other sessions end)',
        body: ChangeOwnPasswordInput,
        response: { 204: NoContent, ...STANDARD_ERRORS, 423: ErrorResponse },
      },
    },
    async (request, reply) => {
      const userAgent = String(request.headers['user-agent'] ?? '').slice(0, 300);
      await changeOwnPassword(ctx, actorOf(request), sessionTokenOf(request)!, request.body, userAgent);
      return reply.status(204).send(null);
    },
  );
}
