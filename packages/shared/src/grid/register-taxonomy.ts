import { z } from 'zod';

/**
 * The code tables of the grid's registers, as data: each value with its Chinese label (the import reads the
 * label a city's spreadsheet carries, the export writes it) and its English one. The categories follow
 * GB/T 31000-2015 社会治安综合治理基础数据规范 ("9+X": 实有人口, 特殊人群, 房屋, 单位/组织, 重点场所) and the care
 * groups that DB15/T 3005-2023 asks grid workers to know (关爱对象).
 */
export interface CodeLabel<C extends string = string> {
  code: C;
  zh: string;
  en: string;
}

function codes<const C extends string>(rows: readonly CodeLabel<C>[]) {
  return rows;
}

/** The zod enum of a code table's codes, so that the table is the one place a value is added. */
function enumOf<C extends string>(rows: readonly CodeLabel<C>[], error?: string) {
  const values = rows.map((row) => row.code) as [C, ...C[]];
  return z.enum(values, error ? { error } : undefined);
}

/** Whom a flag marks: people the grid looks after (关爱对象) or keeps an eye on (关注对象, 特殊人群). */
export type ResidentFlagGroup = 'care' | 'attention';

/** 关爱/关注类别: the groups a resident may belong to. More may be added; a code is never reused. */
export const RESIDENT_FLAGS = [
  { code: 'elderly_alone', zh: '独居老人', en: 'Elderly living alone', group: 'care' },
  { code: 'empty_nest', zh: '空巢老人', en: 'Empty-nest elderly', group: 'care' },
  { code: 'disabled', zh: '残疾人', en: 'Disabled', group: 'care' },
  { code: 'low_income', zh: '低保对象', en: 'Low-income allowance', group: 'care' },
  { code: 'extreme_poverty', zh: '特困供养人员', en: 'Extreme poverty support', group: 'care' },
  { code: 'left_behind_child', zh: '留守儿童', en: 'Left-behind child', group: 'care' },
  { code: 'veteran', zh: '退役军人', en: 'Veteran', group: 'care' },
  { code: 'community_correction', zh: '社区矫正对象', en: 'Under community correction', group: 'attention' },
  { code: 'released_prisoner', zh: '刑满释放人员', en: 'Released prisoner', group: 'attention' },
  {
    code: 'severe_mental_disorder',
    zh: '严重精神障碍患者',
    en: 'Severe mental disorder',
    group: 'attention',
  },
  { code: 'drug_rehabilitation', zh: '社区戒毒康复人员', en: 'Drug rehabilitation', group: 'attention' },
  { code: 'key_youth', zh: '重点青少年', en: 'Youth at risk', group: 'attention' },
] as const satisfies readonly (CodeLabel & { group: ResidentFlagGroup })[];
export const ResidentFlag = enumOf<(typeof RESIDENT_FLAGS)[number]['code']>(
  RESIDENT_FLAGS,
  '未知的关爱/关注类别',
);
export type ResidentFlag = z.infer<typeof ResidentFlag>;

/** 人口类型 (GB/T 31000: 户籍人口, 流动人口, 境外人员, 未落户人员). */
export const POPULATION_TYPES = codes([
  { code: 'registered', zh: '户籍人口', en: 'Registered resident' },
  { code: 'floating', zh: '流动人口', en: 'Floating population' },
  { code: 'overseas', zh: '境外人员', en: 'From abroad' },
  { code: 'unsettled', zh: '未落户人员', en: 'Not yet registered' },
]);
export const PopulationType = enumOf(POPULATION_TYPES, '请选择人口类型');
export type PopulationType = z.infer<typeof PopulationType>;

/** 人户状态: whether a person lives where his household is registered. */
export const RESIDENCE_STATUSES = codes([
  { code: 'together', zh: '人户一致', en: 'Lives at the registered address' },
  { code: 'person_here', zh: '人在户不在', en: 'Lives here, registered elsewhere' },
  { code: 'household_here', zh: '户在人不在', en: 'Registered here, lives elsewhere' },
]);
export const ResidenceStatus = enumOf(RESIDENCE_STATUSES, '请选择人户状态');
export type ResidenceStatus = z.infer<typeof ResidenceStatus>;

/** 与户主关系. */
export const HOUSEHOLD_RELATIONS = codes([
  { code: 'head', zh: '户主', en: 'Head of household' },
  { code: 'spouse', zh: '配偶', en: 'Spouse' },
  { code: 'child', zh: '子女', en: 'Child' },
  { code: 'parent', zh: '父母', en: 'Parent' },
  { code: 'grandchild', zh: '孙子女', en: 'Grandchild' },
  { code: 'sibling', zh: '兄弟姐妹', en: 'Sibling' },
  { code: 'tenant', zh: '租住人员', en: 'Tenant' },
  { code: 'other', zh: '其他', en: 'Other' },
]);
export const HouseholdRelation = enumOf(HOUSEHOLD_RELATIONS, '请选择与户主关系');
export type HouseholdRelation = z.infer<typeof HouseholdRelation>;

/** 性别, as the ID number says it. */
export const GENDERS = codes([
  { code: 'male', zh: '男', en: 'Male' },
  { code: 'female', zh: '女', en: 'Female' },
]);
export const Gender = enumOf(GENDERS);
export type Gender = z.infer<typeof Gender>;

/** 房屋用途. */
export const HOUSE_USES = codes([
  { code: 'residential', zh: '住宅', en: 'Residential' },
  { code: 'commercial', zh: '商业', en: 'Commercial' },
  { code: 'office', zh: '办公', en: 'Office' },
  { code: 'industrial', zh: '工业仓储', en: 'Industrial or storage' },
  { code: 'other', zh: '其他', en: 'Other' },
]);
export const HouseUse = enumOf(HOUSE_USES, '请选择房屋用途');
export type HouseUse = z.infer<typeof HouseUse>;

/** 居住情况: who lives in a house. */
export const HOUSE_OCCUPANCIES = codes([
  { code: 'owner_occupied', zh: '自住', en: 'Owner-occupied' },
  { code: 'rented', zh: '出租', en: 'Rented out' },
  { code: 'vacant', zh: '空置', en: 'Vacant' },
  { code: 'other', zh: '其他', en: 'Other' },
]);
export const HouseOccupancy = enumOf(HOUSE_OCCUPANCIES, '请选择居住情况');
export type HouseOccupancy = z.infer<typeof HouseOccupancy>;

/** 单位类别: what an organisation of the register is (单位、组织、场所). */
export const ORGANISATION_KINDS = codes([
  { code: 'enterprise', zh: '企业', en: 'Enterprise' },
  { code: 'public_institution', zh: '机关事业单位', en: 'Public body' },
  { code: 'social_organisation', zh: '社会组织', en: 'Social organisation' },
  { code: 'individual_business', zh: '个体工商户', en: 'Sole trader' },
  { code: 'venue', zh: '场所', en: 'Venue' },
  { code: 'other', zh: '其他', en: 'Other' },
]);
export const OrganisationKind = enumOf(ORGANISATION_KINDS, '请选择单位类别');
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** 重点场所类别 (GB/T 31000 治安要素): what makes a place one to inspect on a patrol. */
export const ORGANISATION_TAGS = codes([
  { code: 'nine_small', zh: '九小场所', en: 'Small premises (九小)' },
  { code: 'crowded', zh: '人员密集场所', en: 'Crowded place' },
  { code: 'hazardous_chemicals', zh: '危险化学品', en: 'Hazardous chemicals' },
  { code: 'entertainment', zh: '娱乐场所', en: 'Entertainment venue' },
  { code: 'food', zh: '食品经营', en: 'Food business' },
  { code: 'rental_agency', zh: '出租房屋中介', en: 'Letting agency' },
]);
export const OrganisationTag = enumOf(ORGANISATION_TAGS, '未知的重点场所类别');
export type OrganisationTag = z.infer<typeof OrganisationTag>;

/** 走访事由. */
export const VISIT_PURPOSES = codes([
  { code: 'routine', zh: '日常走访', en: 'Routine visit' },
  { code: 'care', zh: '关爱帮扶', en: 'Care and support' },
  { code: 'policy', zh: '政策宣传', en: 'Explaining a policy' },
  { code: 'dispute', zh: '矛盾排查', en: 'Checking for disputes' },
  { code: 'safety', zh: '安全检查', en: 'Safety check' },
  { code: 'verification', zh: '信息核实', en: 'Checking the register' },
  { code: 'other', zh: '其他', en: 'Other' },
]);
export const VisitPurpose = enumOf(VISIT_PURPOSES, '请选择走访事由');
export type VisitPurpose = z.infer<typeof VisitPurpose>;

/** The label of `code` in `table` for a language, or the code itself when the table does not know it. */
export function codeLabel(table: readonly CodeLabel[], code: string, locale: 'zh' | 'en' = 'zh'): string {
  return table.find((row) => row.code === code)?.[locale] ?? code;
}

/** The code whose Chinese (or English) label is `label` (trimmed), or undefined. */
export function codeOfLabel(table: readonly CodeLabel[], label: string): string | undefined {
  const wanted = label.trim();
  return table.find((row) => row.zh === wanted || row.en === wanted || row.code === wanted)?.code;
}
