import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LoginInput } from './auth/auth.schemas.js';
import './zod-locale.js';

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('validation messages in plain Chinese', () => {
  it('says how long a name may be, without a type name or a comparison sign', () => {
    const answer = LoginInput.safeParse({ username: 'a'.repeat(80), password: 'x' });
    expect(answer.error?.issues[0]).toMatchObject({ path: ['username'], message: '不能超过 64 个字符' });
  });

  it.each([
    [z.string().max(10), 'x'.repeat(11), '不能超过 10 个字符'],
    [z.string().min(5), 'abc', '至少 5 个字符'],
    [z.string().min(1), '', '不能为空'],
    [z.array(z.number()).max(2), [1, 2, 3], '不能超过 2 项'],
    [z.number().max(100), 101, '不能大于 100'],
    [z.number().int().positive(), 0, '必须大于 0'],
    [z.number().int().min(1), 0, '不能小于 1'],
    [z.string(), undefined, '必填'],
    [z.string(), 42, '格式不正确'],
  ])('answers %s with %j as people read it', (schema, value, message) => {
    expect(messageOf(schema, value)).toBe(message);
  });

  it('keeps the message a schema writes itself', () => {
    expect(messageOf(z.string().max(3, '编号最多 3 位'), 'abcd')).toBe('编号最多 3 位');
  });
});
