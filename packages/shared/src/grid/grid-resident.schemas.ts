import { z } from 'zod';
import { bodyError, id, optionalText, text, version } from '../lifecycle/action-body.js';
import { PageQuery } from '../lists/list.schemas.js';
import {
  Gender,
  HouseholdRelation,
  PopulationType,
  ResidenceStatus,
  ResidentFlag,
} from './register-taxonomy.js';
import { canonicalIdNumber, canonicalPhone, checkIdNumber, ID_NUMBER_PROBLEMS } from './resident-identity.js';

/** 公民身份号码 as typed, checked (GB 11643 check digit) and canonical (ASCII, upper-case X). */
export const ResidentIdNumber = z.string({ error: '请填写公民身份号码' }).transform((typed, ctx) => {
  const canonical = canonicalIdNumber(typed);
  const check = checkIdNumber(canonical);
  if (check === 'ok') return canonical;
  ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEMS[check], params: { reason: check } });
  return z.NEVER;
});

/** 联系电话: a mobile or a fixed line, canonical (`13912345678`, `0473-3123456`). */
export const PhoneNumber = z.string({ error: '联系电话须为文字' }).transform((typed, ctx) => {
  const canonical = canonicalPhone(typed);
  if (canonical) return canonical;
  ctx.addIssue({ code: 'custom', message: '联系电话须为 11 位手机号或带区号的固定电话' });
  return z.NEVER;
});

/** Flags, each at most once. */
const Flags = z
  .array(ResidentFlag)
  .max(12, '类别过多')
  .refine((flags) => new Set(flags).size === flags.length, '类别不能重复');

/** The fields of a resident (实有人口) that a form or an import row gives, apart from his numbers. */
const residentFields = {
  /** 所住房屋: the resident's grid is the house's */
  houseId: id('所住房屋'),
  /** 姓名 */
  name: text('姓名', 1, 50),
  /** 民族 (汉族, 蒙古族 …) */
  ethnicity: optionalText('民族', 20),
  /** 与户主关系 */
  householdRelation: HouseholdRelation.optional(),
  /** 人口类型 */
  populationType: PopulationType,
  /** 人户状态 */
  residenceStatus: ResidenceStatus.optional(),
  /** 户籍地址 */
  registeredAddress: optionalText('户籍地址', 200),
  /** 现住址, when it is not the house (a person registered here who lives elsewhere) */
  currentAddress: optionalText('现住址', 200),
  /** 工作单位/服务处所 */
  employer: optionalText('工作单位', 100),
  /** 关爱/关注类别 */
  flags: Flags.default([]),
  /** 备注 */
  note: optionalText('备注', 500),
};

/** `POST /api/v1/grid/residents` 登记实有人口. The ID number and phone are stored encrypted. */
export const CreateResidentInput = z.strictObject(
  {
    ...residentFields,
    /** 公民身份号码 (one person, one record across the city) */
    idNumber: ResidentIdNumber,
    /** 联系电话 */
    phone: PhoneNumber.optional(),
  },
  { error: bodyError },
);
export type CreateResidentInput = z.infer<typeof CreateResidentInput>;

/**
 * `PUT /api/v1/grid/residents/:id`: the resident as he should now be, at the version read. The numbers are
 * shown masked, so they are sent only to change them: `idNumber` absent keeps it; `phone` absent keeps it,
 * null removes it.
 */
export const UpdateResidentInput = z.strictObject(
  {
    version,
    ...residentFields,
    idNumber: ResidentIdNumber.optional(),
    phone: PhoneNumber.nullable().optional(),
  },
  { error: bodyError },
);
export type UpdateResidentInput = z.infer<typeof UpdateResidentInput>;

/**
 * A resident as the API shows him. `idNumber` and `phone` are always masked here (`150302********123X`,
 * `139****5678`); a caller holding `personal_data.read` reads them in full one resident at a time, each read
 * audited. Name, birth date and addresses are masked for callers without `personal_data.read`.
 */
export const ResidentView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  gridId: z.number().int(),
  gridName: z.string(),
  houseId: z.number().int(),
  houseLabel: z.string(),
  name: z.string(),
  gender: Gender,
  /** null for a caller without `personal_data.read` (the age says enough) */
  birthDate: z.string().nullable(),
  age: z.number().int(),
  ethnicity: z.string().nullable(),
  /** masked: the first 6 and last 4 characters */
  idNumber: z.string(),
  /** masked: `139****5678` */
  phone: z.string().nullable(),
  householdRelation: HouseholdRelation.nullable(),
  populationType: PopulationType,
  residenceStatus: ResidenceStatus.nullable(),
  registeredAddress: z.string().nullable(),
  currentAddress: z.string().nullable(),
  employer: z.string().nullable(),
  flags: z.array(ResidentFlag),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResidentView = z.infer<typeof ResidentView>;

/**
 * `GET /api/v1/grid/residents/:id/personal-data`: a resident's numbers in full, for a caller holding
 * `personal_data.read`; every answer is written to the audit trail.
 */
export const ResidentPersonalData = z.object({
  id: z.number().int(),
  idNumber: z.string(),
  phone: z.string().nullable(),
});
export type ResidentPersonalData = z.infer<typeof ResidentPersonalData>;

/** `GET /api/v1/grid/residents`: a page of residents in the caller's scope. */
export const ResidentListQuery = PageQuery.extend({
  within: z.coerce.number().int().positive().optional(),
  houseId: z.coerce.number().int().positive().optional(),
  /**
   * 关键词: a name (or part of one), or a whole ID number or phone, which is looked up exactly through its
   * blind index (the numbers are encrypted: no part of one can be searched); a number needs
   * `personal_data.read`
   */
  q: z.string().trim().min(1).max(50).optional(),
  /** residents of this group (关爱/关注类别) */
  flag: ResidentFlag.optional(),
  populationType: PopulationType.optional(),
  gender: Gender.optional(),
  /** 年龄 from … to, in full years */
  ageFrom: z.coerce.number().int().min(0).max(150).optional(),
  ageTo: z.coerce.number().int().min(0).max(150).optional(),
}).strict();
export type ResidentListQuery = z.infer<typeof ResidentListQuery>;
