import { z } from 'zod';

/** The message of a body that is not an object, or that carries fields it should not. */
export const bodyError = (issue: { code?: string; keys?: string[] }): string =>
  issue.code === 'unrecognized_keys'
    ? `不允许的字段：${(issue.keys ?? []).join('、')}`
    : '请求体必须是一个对象';

/** Required text: trimmed, with Chinese messages naming the field. */
export function text(label: string, min = 1, max = 2000) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`);
}

/** Optional free text (a note): may be empty. */
export function optionalText(label: string, max = 2000) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional();
}

/** A row id (orgs, cases, catalog entries …): a positive integer. */
export function id(label: string) {
  return z
    .number({ error: `请选择${label}` })
    .int(`${label}无效`)
    .positive(`${label}无效`);
}

/** The version of the row the client saw; a stale one is refused (VERSION_CONFLICT). */
export const version = z.number({ error: '缺少版本号' }).int('版本号必须是整数').min(0, '版本号不能为负数');

/** The body of an action on an existing row (a case, a finding …): `version` plus the action's own fields, nothing else. */
export function actionBody<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject({ version, ...shape }, { error: bodyError });
}
