import { z } from 'zod';
import { bodyError, id, optionalText, text, version } from '../lifecycle/action-body.js';
import { PageQuery } from '../lists/list.schemas.js';
import { canonicalCreditCode, hasValidCreditCode } from './credit-code.js';
import { PlacePoint } from './grid-common.schemas.js';
import { PhoneNumber } from './grid-resident.schemas.js';
import { OrganisationKind, OrganisationTag } from './register-taxonomy.js';

/** 统一社会信用代码, checked (GB 32100-2015) and canonical. */
export const CreditCode = z.string({ error: '统一社会信用代码须为文字' }).transform((typed, ctx) => {
  const canonical = canonicalCreditCode(typed);
  if (hasValidCreditCode(canonical)) return canonical;
  ctx.addIssue({ code: 'custom', message: '统一社会信用代码无效（18 位，末位校验码须符合 GB 32100）' });
  return z.NEVER;
});

const Tags = z
  .array(OrganisationTag)
  .max(6, '类别过多')
  .refine((tags) => new Set(tags).size === tags.length, '类别不能重复');

/** The fields of an organisation (单位/组织/场所) in the register, apart from its contact's phone. */
const organisationFields = {
  gridId: id('所属网格'),
  /** 单位名称 */
  name: text('单位名称', 2, 100),
  /** 单位类别 */
  kind: OrganisationKind,
  /** 统一社会信用代码 (one organisation, one record across the city) */
  creditCode: CreditCode.optional(),
  /** 地址 */
  address: text('地址', 2, 200),
  location: PlacePoint.optional(),
  /** 负责人 */
  contactName: optionalText('负责人', 50),
  /** 从业人员数 */
  employees: z
    .number({ error: '从业人员数须为数字' })
    .int('从业人员数须为整数')
    .min(0, '从业人员数不能为负')
    .max(1_000_000, '从业人员数过大')
    .optional(),
  /** 重点场所类别 */
  tags: Tags.default([]),
  note: optionalText('备注', 500),
};

/** `POST /api/v1/grid/organisations` 登记单位/组织/场所. The contact's phone is stored encrypted. */
export const CreateOrganisationInput = z.strictObject(
  { ...organisationFields, contactPhone: PhoneNumber.optional() },
  { error: bodyError },
);
export type CreateOrganisationInput = z.infer<typeof CreateOrganisationInput>;

/** `PUT /api/v1/grid/organisations/:id`: `contactPhone` absent keeps it, null removes it. */
export const UpdateOrganisationInput = z.strictObject(
  { version, ...organisationFields, contactPhone: PhoneNumber.nullable().optional() },
  { error: bodyError },
);
export type UpdateOrganisationInput = z.infer<typeof UpdateOrganisationInput>;

/** An organisation as the API shows it: the contact's phone masked, his name too without `personal_data.read`. */
export const OrganisationView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  gridId: z.number().int(),
  gridName: z.string(),
  name: z.string(),
  kind: OrganisationKind,
  creditCode: z.string().nullable(),
  address: z.string(),
  location: PlacePoint.nullable(),
  contactName: z.string().nullable(),
  /** masked: `139****5678` */
  contactPhone: z.string().nullable(),
  employees: z.number().int().nullable(),
  tags: z.array(OrganisationTag),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationView = z.infer<typeof OrganisationView>;

/** `GET /api/v1/grid/organisations/:id/personal-data`: the contact's phone in full (audited). */
export const OrganisationPersonalData = z.object({
  id: z.number().int(),
  contactPhone: z.string().nullable(),
});
export type OrganisationPersonalData = z.infer<typeof OrganisationPersonalData>;

/** `GET /api/v1/grid/organisations`: a page of organisations in the caller's scope. */
export const OrganisationListQuery = PageQuery.extend({
  within: z.coerce.number().int().positive().optional(),
  /** 关键词: in the name, the credit code or the address */
  q: z.string().trim().min(1).max(100).optional(),
  kind: OrganisationKind.optional(),
  tag: OrganisationTag.optional(),
}).strict();
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;
