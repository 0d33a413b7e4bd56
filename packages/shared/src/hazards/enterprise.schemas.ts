import { z } from 'zod';
import { PlacePoint } from '../grid/grid-common.schemas.js';
import { CreditCode } from '../grid/grid-organisation.schemas.js';
import { bodyError, id, text } from '../lifecycle/action-body.js';
import { PageQuery, pageOf } from '../lists/list.schemas.js';
import { Industry } from './safety-enums.js';

/** A person named on the register (主要负责人, 安全管理人员): a name and a phone. */
export const EnterprisePerson = z.strictObject({
  name: text('姓名', 1, 50),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '联系电话格式不正确')
    .optional(),
});
export type EnterprisePerson = z.infer<typeof EnterprisePerson>;

/** A person of the register as the API shows him: the phone (and name) masked for who may not read them. */
export const EnterprisePersonView = z.object({ name: z.string(), phone: z.string().optional() });

/** `POST /api/v1/safety/enterprises` 企业登记: one enterprise of the register. */
export const EnterpriseInput = z.strictObject(
  {
    /** 企业名称 */
    name: text('企业名称', 2, 100),
    /** 统一社会信用代码 */
    creditCode: CreditCode,
    /** 行业 (high-risk ones are flagged by the industry) */
    industry: Industry,
    /** 地址 */
    address: text('地址', 2, 200),
    /** 位置: where it is on the map; locates its district and town when given */
    location: PlacePoint.optional(),
    /** 所在区域: the district or town it lies in; the caller's own org when absent and no point is given */
    orgId: id('所在区域').optional(),
    /** 监管部门: the org that supervises it (应急管理局 …); the caller's org when absent */
    supervisingOrgId: id('监管部门').optional(),
    /** 主要负责人 */
    principal: EnterprisePerson.optional(),
    /** 安全管理人员 */
    safetyOfficer: EnterprisePerson.optional(),
  },
  { error: bodyError },
);
export type EnterpriseInput = z.infer<typeof EnterpriseInput>;

/** An enterprise as the API shows it. */
export const EnterpriseView = z.object({
  id: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  industry: Industry,
  highRisk: z.boolean(),
  address: z.string(),
  location: PlacePoint.nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  supervisingOrgId: z.number().int(),
  supervisingOrgName: z.string(),
  principal: EnterprisePersonView.nullable(),
  safetyOfficer: EnterprisePersonView.nullable(),
  /** hazards not yet closed */
  openHazards: z.number().int(),
  createdAt: z.string(),
});
export type EnterpriseView = z.infer<typeof EnterpriseView>;

/** `GET /api/v1/safety/enterprises`: the register in the caller's scope. */
export const EnterpriseListQuery = PageQuery.extend({
  industry: Industry.optional(),
  /** only the high-risk ones */
  highRisk: z.enum(['true', 'false']).optional(),
  /** 关键词: name or credit code */
  q: z.string().trim().min(1).max(100).optional(),
}).strict();
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuery>;

export const EnterprisePage = pageOf(EnterpriseView);
export type EnterprisePage = z.infer<typeof EnterprisePage>;

/** One row of an Excel import that was refused, and why (the row number as in the sheet). */
export const EnterpriseImportError = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
});

/** The answer of an Excel import: how many were added, which rows were refused and why. */
export const EnterpriseImportResult = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(EnterpriseImportError),
});
export type EnterpriseImportResult = z.infer<typeof EnterpriseImportResult>;
