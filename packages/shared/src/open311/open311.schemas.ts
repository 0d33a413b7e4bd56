import { z } from 'zod';
import { bodyError, optionalText, text } from '../lifecycle/action-body.js';

/** The datatypes of a service definition's attributes (GeoReport v2, GET Service Definition). */
export const OPEN311_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export const Open311Datatype = z.enum(OPEN311_DATATYPES, { error: '数据类型无效' });
export type Open311Datatype = z.infer<typeof Open311Datatype>;

/** Chinese names of the datatypes, as the console offers them. */
export const OPEN311_DATATYPE_LABELS: Record<Open311Datatype, string> = {
  string: '单行文字',
  number: '数字',
  datetime: '日期时间',
  text: '多行文字',
  singlevaluelist: '单选',
  multivaluelist: '多选',
};

/** The datatypes whose answers are picked from a list of values. */
export function isListDatatype(datatype: Open311Datatype): boolean {
  return datatype === 'singlevaluelist' || datatype === 'multivaluelist';
}

/** An attribute's code or a value's key: what a client sends back (`attribute[plate]=…`). */
const AttributeCode = z
  .string({ error: '请填写代码' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, '代码只能由字母、数字、下划线和连字符组成，最长 40 个字符');

/** One option of a list attribute. */
export const Open311AttributeValue = z.strictObject(
  {
    /** 选项代码: what the client sends */
    key: AttributeCode,
    /** 选项名称: what the citizen reads */
    name: text('选项名称', 1, 100),
  },
  { error: bodyError },
);
export type Open311AttributeValue = z.infer<typeof Open311AttributeValue>;

/**
 * One attribute of a service definition: a question the citizen answers when reporting (the plate number for
 * 挪车). Its place in the list is its `order`.
 */
export const Open311Attribute = z
  .strictObject(
    {
      /** 代码: unique within the service */
      code: AttributeCode,
      /** 数据类型 */
      datatype: Open311Datatype,
      /** 必填: a request without it is refused */
      required: z.boolean({ error: '请选择是否必填' }),
      /** 需要填写: false for a line that only informs the citizen (GeoReport's `variable`) */
      variable: z.boolean({ error: '请选择是否需要填写' }).default(true),
      /** 说明: the question, as the citizen reads it */
      description: text('说明', 1, 200),
      /** 填写提示: how to write the answer (e.g. 如 蒙C12345) */
      datatypeDescription: optionalText('填写提示', 200),
      /** 选项: the values of a single- or multi-value list */
      values: z.array(Open311AttributeValue).max(50, '选项不能超过 50 个').default([]),
    },
    { error: bodyError },
  )
  .superRefine((attribute, ctx) => {
    const list = isListDatatype(attribute.datatype);
    if (list && attribute.values.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: '单选和多选须至少有一个选项' });
    }
    if (!list && attribute.values.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: '只有单选和多选可以设置选项' });
    }
    if (new Set(attribute.values.map((v) => v.key)).size !== attribute.values.length) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: '选项代码不能重复' });
    }
    if (attribute.required && !attribute.variable) {
      ctx.addIssue({ code: 'custom', path: ['required'], message: '仅作说明的属性不能必填' });
    }
  });
export type Open311Attribute = z.infer<typeof Open311Attribute>;

/** `PUT /api/v1/open311/services/:categoryId`: how a catalog leaf is offered through Open311. */
export const Open311ServiceInput = z
  .strictObject(
    {
      /** 发布: listed in `services` and accepted in `POST requests` */
      published: z.boolean({ error: '请选择是否发布' }),
      /** 分组: the group the service is listed under; left empty, the name of its area (大类) */
      group: optionalText('分组', 50),
      /** 服务说明: left empty, the service's place in the catalog and its time limit */
      description: optionalText('服务说明', 500),
      /** 关键词: comma-separated synonyms that help a citizen find the service */
      keywords: optionalText('关键词', 200),
      /** 附加属性: the questions asked when reporting, in the order shown */
      attributes: z.array(Open311Attribute).max(20, '附加属性不能超过 20 个').default([]),
    },
    { error: bodyError },
  )
  .superRefine((input, ctx) => {
    const codes = input.attributes.map((a) => a.code);
    if (new Set(codes).size !== codes.length) {
      ctx.addIssue({ code: 'custom', path: ['attributes'], message: '属性代码不能重复' });
    }
  });
export type Open311ServiceInput = z.infer<typeof Open311ServiceInput>;

/** A catalog leaf as the Open311 console shows it: where it sits and how it is offered. */
export const Open311ServiceView = z.object({
  categoryId: z.number().int(),
  /** the leaf's catalog code: the Open311 `service_code` */
  code: z.string(),
  name: z.string(),
  /** 大类 / 中类 of the leaf */
  areaName: z.string(),
  subcategoryName: z.string(),
  active: z.boolean(),
  published: z.boolean(),
  /** the group as set, or null (then the area's name is shown) */
  group: z.string().nullable(),
  description: z.string().nullable(),
  keywords: z.string().nullable(),
  attributes: z.array(Open311Attribute),
});
export type Open311ServiceView = z.infer<typeof Open311ServiceView>;

/** The leaves of the catalog with their Open311 settings. */
export const Open311ServiceList = z.object({ items: z.array(Open311ServiceView), total: z.number().int() });
export type Open311ServiceList = z.infer<typeof Open311ServiceList>;

/** Fewest and most requests an API key may make per hour. */
export const OPEN311_RATE_LIMIT_RANGE = { min: 10, max: 100_000 } as const;

/** `POST /api/v1/open311/keys`: an API key for one integrator, reporting on a channel of its own. */
export const CreateOpen311KeyInput = z.strictObject(
  {
    /** 接入方: who receives the key (an app, a vendor, a bureau's system) */
    name: text('接入方名称', 2, 50),
    /** 渠道编码: the channel its requests are registered on; left out, `open311_<n>` */
    channelCode: z
      .string({ error: '渠道编码必须是文字' })
      .trim()
      .regex(/^[a-z][a-z0-9_]{2,31}$/, '渠道编码须以小写字母开头，由小写字母、数字和下划线组成，3–32 个字符')
      .optional(),
    /** 每小时调用上限 */
    rateLimitPerHour: z
      .number({ error: '请填写每小时调用上限' })
      .int('调用上限须为整数')
      .min(OPEN311_RATE_LIMIT_RANGE.min, `调用上限至少 ${OPEN311_RATE_LIMIT_RANGE.min} 次`)
      .max(OPEN311_RATE_LIMIT_RANGE.max, `调用上限不能超过 ${OPEN311_RATE_LIMIT_RANGE.max} 次`)
      .default(1_000),
  },
  { error: bodyError },
);
export type CreateOpen311KeyInput = z.infer<typeof CreateOpen311KeyInput>;

/** An API key as the console lists it: never the key itself, only its first characters. */
export const Open311KeyView = z.object({
  id: z.number().int(),
  name: z.string(),
  /** the key's first characters, to recognise it */
  prefix: z.string(),
  channelCode: z.string(),
  rateLimitPerHour: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type Open311KeyView = z.infer<typeof Open311KeyView>;

/** The answer to creating a key: the key itself, shown this once, and how it is listed from now on. */
export const CreatedOpen311Key = z.object({ key: z.string(), apiKey: Open311KeyView });
export type CreatedOpen311Key = z.infer<typeof CreatedOpen311Key>;

/** The API keys, newest first. */
export const Open311KeyList = z.object({ items: z.array(Open311KeyView), total: z.number().int() });
export type Open311KeyList = z.infer<typeof Open311KeyList>;
