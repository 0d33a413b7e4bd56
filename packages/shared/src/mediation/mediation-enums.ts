import { z } from 'zod';

/** Where a dispute came in (来源). */
export const DISPUTE_SOURCES = [
  'walk_in',
  'phone',
  'portal',
  'grid_finding',
  'case_12345',
  'court_referral',
] as const;
export const DisputeSource = z.enum(DISPUTE_SOURCES, { error: '来源无效' });
export type DisputeSource = z.infer<typeof DisputeSource>;
export const DISPUTE_SOURCE_LABELS: Record<DisputeSource, string> = {
  walk_in: '来访',
  phone: '来电',
  portal: '网上申请',
  grid_finding: '网格员发现',
  case_12345: '12345 工单转入',
  court_referral: '法院诉前委派',
};

/**
 * The field (纠纷类型) of a dispute, which also names a specialised committee's field. Identity, adoption and
 * marriage relations cannot be judicially confirmed (法释〔2011〕5号 art. 7).
 */
export const DISPUTE_FIELDS = [
  'neighbour',
  'family',
  'marriage',
  'adoption',
  'identity',
  'traffic',
  'medical',
  'property',
  'labour',
  'land',
  'contract',
  'debt',
  'consumer',
  'damage',
  'other',
] as const;
export const DisputeField = z.enum(DISPUTE_FIELDS, { error: '纠纷类型无效' });
export type DisputeField = z.infer<typeof DisputeField>;
export const DISPUTE_FIELD_LABELS: Record<DisputeField, string> = {
  neighbour: '邻里纠纷',
  family: '家庭纠纷',
  marriage: '婚姻纠纷',
  adoption: '收养纠纷',
  identity: '身份关系纠纷',
  traffic: '交通事故纠纷',
  medical: '医疗纠纷',
  property: '物业纠纷',
  labour: '劳动争议',
  land: '土地山林纠纷',
  contract: '合同纠纷',
  debt: '债务纠纷',
  consumer: '消费纠纷',
  damage: '损害赔偿纠纷',
  other: '其他纠纷',
};

/** Fields whose agreements a court does not confirm (身份关系、收养关系、婚姻关系). */
export const CONFIRMATION_EXCLUDED_FIELDS: readonly DisputeField[] = ['identity', 'adoption', 'marriage'];

/** 申请人 or 被申请人. */
export const PARTY_ROLES = ['applicant', 'respondent'] as const;
export const PartyRole = z.enum(PARTY_ROLES, { error: '当事人身份应为申请人或被申请人' });
export type PartyRole = z.infer<typeof PartyRole>;
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = { applicant: '申请人', respondent: '被申请人' };

/** A natural person or an organisation (法人或非法人组织). */
export const PARTY_KINDS = ['person', 'organisation'] as const;
export const PartyKind = z.enum(PARTY_KINDS, { error: '当事人类型应为自然人或组织' });
export type PartyKind = z.infer<typeof PartyKind>;
export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  person: '自然人',
  organisation: '法人或其他组织',
};

/** How a session is held: face to face, by video (a link and a time), or online in the platform's room. */
export const SESSION_MODES = ['in_person', 'video', 'online'] as const;
export const SessionMode = z.enum(SESSION_MODES, { error: '调解方式无效' });
export type SessionMode = z.infer<typeof SessionMode>;
export const SESSION_MODE_LABELS: Record<SessionMode, string> = {
  in_person: '现场调解',
  video: '视频调解',
  online: '在线调解室',
};

/** 书面协议 or 口头协议 (人民调解法 art. 28). */
export const AGREEMENT_FORMS = ['written', 'oral'] as const;
export const AgreementForm = z.enum(AGREEMENT_FORMS, { error: '协议形式应为书面或口头' });
export type AgreementForm = z.infer<typeof AgreementForm>;
export const AGREEMENT_FORM_LABELS: Record<AgreementForm, string> = { written: '书面协议', oral: '口头协议' };

/** How a party confirmed the agreement: online with his code, or a scan of the signed paper. */
export const CONFIRMATION_METHODS = ['online', 'signed_scan'] as const;
export const PartyConfirmationMethod = z.enum(CONFIRMATION_METHODS, { error: '确认方式无效' });
export type PartyConfirmationMethod = z.infer<typeof PartyConfirmationMethod>;
export const PARTY_CONFIRMATION_METHOD_LABELS: Record<PartyConfirmationMethod, string> = {
  online: '在线确认',
  signed_scan: '签字扫描件',
};

/** Where a dispute without agreement is sent: a court or an arbitration body. */
export const REFERRAL_TARGETS = ['litigation', 'arbitration'] as const;
export const ReferralTarget = z.enum(REFERRAL_TARGETS, { error: '引导去向应为诉讼或仲裁' });
export type ReferralTarget = z.infer<typeof ReferralTarget>;
export const REFERRAL_TARGET_LABELS: Record<ReferralTarget, string> = {
  litigation: '诉讼',
  arbitration: '仲裁',
};

/**
 * Where a judicial confirmation stands: applied for, accepted by the court (within 3 days), refused acceptance,
 * confirmed (the agreement is valid, within 15 + 10 days), or not confirmed.
 */
export const CONFIRMATION_STAGES = ['applied', 'accepted', 'not_accepted', 'confirmed', 'rejected'] as const;
export const ConfirmationStage = z.enum(CONFIRMATION_STAGES, { error: '司法确认阶段无效' });
export type ConfirmationStage = z.infer<typeof ConfirmationStage>;
export const CONFIRMATION_STAGE_LABELS: Record<ConfirmationStage, string> = {
  applied: '已申请',
  accepted: '法院已受理',
  not_accepted: '法院不予受理',
  confirmed: '裁定有效',
  rejected: '裁定驳回',
};

/** The court's decisions recorded by `record_confirmation_ruling`. */
export const CONFIRMATION_RULINGS = ['accepted', 'not_accepted', 'confirmed', 'rejected'] as const;
export const ConfirmationRuling = z.enum(CONFIRMATION_RULINGS, { error: '法院裁定无效' });
export type ConfirmationRuling = z.infer<typeof ConfirmationRuling>;

/** Levels of a mediation committee on the org tree (调委会), and the specialised ones (专业性调委会). */
export const COMMITTEE_LEVELS = ['community', 'town', 'district', 'city', 'specialised'] as const;
export const CommitteeLevel = z.enum(COMMITTEE_LEVELS);
export type CommitteeLevel = z.infer<typeof CommitteeLevel>;
/** The kinds of org a territorial committee sits at, each the namesake of its level; other kinds hold none. */
export const COMMITTEE_ORG_KINDS = ['city', 'district', 'town', 'community'] as const;

/**
 * A committee's level from its org and fields: specialised (行业性专业性) when it takes given fields, else the
 * level of its org in the tree (村/社区, 镇/街道, 区, 市); null at an org that holds no committee (a grid, a unit,
 * a centre).
 */
export function committeeLevelOf(orgKind: string, fields: readonly string[]): CommitteeLevel | null {
  if (!(COMMITTEE_ORG_KINDS as readonly string[]).includes(orgKind)) return null;
  return fields.length > 0 ? 'specialised' : (orgKind as CommitteeLevel);
}

export const COMMITTEE_LEVEL_LABELS: Record<CommitteeLevel, string> = {
  community: '村/社区调委会',
  town: '镇/街道调委会',
  district: '区调委会',
  city: '市调委会',
  specialised: '行业性专业性调委会',
};

/** Days the parties have to apply for judicial confirmation after the agreement takes effect (art. 33). */
export const CONFIRMATION_WINDOW_DAYS = 30;
/** Default mediation limit: 30 days from acceptance, unless the parties agree to extend (configurable). */
export const DEFAULT_MEDIATION_LIMIT_DAYS = 30;

/** Chinese labels of a dispute's fields, for forms and column headers. */
export const DISPUTE_FIELD_NAMES = {
  number: '纠纷编号',
  title: '纠纷标题',
  source: '来源',
  field: '纠纷类型',
  facts: '纠纷事实',
  claims: '申请事项',
  org: '纠纷发生地',
  committee: '调委会',
  mediator: '调解员',
  parties: '当事人',
  applicant: '申请人',
  respondent: '被申请人',
  phone: '联系电话',
  address: '联系地址',
  email: '电子邮箱',
  idNumber: '身份证号码',
  creditCode: '统一社会信用代码',
  representative: '法定代表人/负责人',
  state: '状态',
  deadline: '调解期限',
  light: '时限状态',
  sessions: '调解记录',
  minutes: '调解笔录',
  agreement: '调解协议',
  terms: '协议条款',
  termContent: '协议内容',
  termHow: '履行方式',
  termDueDate: '履行期限',
  confirmation: '司法确认',
  court: '受理法院',
  timeline: '办理过程',
  evidence: '证据材料',
  outcome: '调解结果',
  acceptedAt: '受理时间',
  createdAt: '登记时间',
} as const;
