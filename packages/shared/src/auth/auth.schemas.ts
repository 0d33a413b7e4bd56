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
