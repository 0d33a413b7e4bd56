import { z } from 'zod';

/** `POST /api/v1/auth/login` body. */
export const LoginInput = z
  .object({
    /** 用户名 */
    username: z.string().trim().min(1, '请输入用户名').max(64),
    /** 密码 */
    password: z.string().min(1, '请输入密码').max(256),
  })
  .strict();
export type LoginInput = z.infer<typeof LoginInput>;

/** The signed-in user as `GET /api/v1/me` answers it (and `POST /api/v1/auth/login` in `user`). */
export const MeResponse = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
  }),
  org: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
  }),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** `POST /api/v1/auth/login` answer: the session token (also set as an HTTP-only cookie) and the user. */
export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  me: MeResponse,
});
export type LoginResponse = z.infer<typeof LoginResponse>;
