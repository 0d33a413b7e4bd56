import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { chainHeadColumns, lifecycleEventColumns } from '../../platform/lifecycle/lifecycle-columns.js';
import { cases } from '../cases/cases.tables.js';
import { gridFindings } from '../grid/grid.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 企业台账: the enterprises under safety-production supervision. Two org paths put an enterprise in a
 * scope: the territory it lies in (`org_path`, a district or town) and the body that supervises it
 * (`supervising_org_path`, 应急管理局 …) — staff see it when either lies in their scope.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    /** 统一社会信用代码, canonical */
    creditCode: text('credit_code').notNull(),
    industry: text('industry').notNull(),
    /** 高危行业, from the industry at registration */
    highRisk: boolean('high_risk').notNull(),
    address: text('address').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    supervisingOrgId: integer('supervising_org_id')
      .notNull()
      .references(() => orgs.id),
    supervisingOrgPath: text('supervising_org_path').notNull(),
    principalName: text('principal_name'),
    principalPhone: text('principal_phone'),
    safetyOfficerName: text('safety_officer_name'),
    safetyOfficerPhone: text('safety_officer_phone'),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    /** the enterprise's own account (role `enterprise`): it reads this enterprise alone */
    accountUserId: integer('account_user_id').references(() => users.id),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_key').on(t.creditCode),
    uniqueIndex('enterprises_account_user_key').on(t.accountUserId),
    index('enterprises_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    index('enterprises_supervising_path_idx').using('btree', t.supervisingOrgPath.op('text_pattern_ops')),
  ],
);

/** A checklist item of a campaign, as stored (`CampaignChecklist` of `@shanzhi/shared`). */
interface StoredCampaignChecklist {
  industry: string;
  items: { text: string; basis: string }[];
}

/**
 * 专项排查: a named campaign over some industries in an org's subtree, with a checklist for each industry, the
 * enterprises it plans to cover (`safety_campaign_enterprises`), its inspectors and its period (Beijing days).
 */
export const safetyCampaigns = pgTable(
  'safety_campaigns',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    /** 牵头单位: the org whose subtree the campaign covers */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    industries: jsonb('industries').$type<string[]>().notNull(),
    checklists: jsonb('checklists').$type<StoredCampaignChecklist[]>().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdByUserId: integer('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('safety_campaigns_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    check('safety_campaigns_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** The enterprises a campaign plans to cover. */
export const safetyCampaignEnterprises = pgTable(
  'safety_campaign_enterprises',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => safetyCampaigns.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.enterpriseId] })],
);

/** The inspectors of a campaign: the accounts that record its inspections. */
export const safetyCampaignInspectors = pgTable(
  'safety_campaign_inspectors',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => safetyCampaigns.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] })],
);

/** 监督检查: one inspection of an enterprise, with its checklist (`safety_inspection_items`). */
export const safetyInspections = pgTable(
  'safety_inspections',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** `planned` or `ad_hoc` */
    kind: text('kind').notNull(),
    campaign: text('campaign'),
    /** the 专项排查 it belongs to: its checklist was the campaign's */
    campaignId: integer('campaign_id').references(() => safetyCampaigns.id),
    inspectorUserId: integer('inspector_user_id')
      .notNull()
      .references(() => users.id),
    inspectorName: text('inspector_name').notNull(),
    inspectedAt: at('inspected_at').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    note: text('note'),
    itemCount: integer('item_count').notNull(),
    failedCount: integer('failed_count').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('safety_inspections_enterprise_idx').on(t.enterpriseId, t.inspectedAt.desc()),
    index('safety_inspections_campaign_idx').on(t.campaignId, t.enterpriseId),
    check('safety_inspections_kind_check', sql`${t.kind} in ('planned', 'ad_hoc')`),
  ],
);

/** 检查项: one item of an inspection's checklist; a failed one names the hazard it became. */
export const safetyInspectionItems = pgTable(
  'safety_inspection_items',
  {
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => safetyInspections.id),
    seq: integer('seq').notNull(),
    item: text('item').notNull(),
    passed: boolean('passed').notNull(),
    finding: text('finding'),
    hazardId: integer('hazard_id'),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.seq] })],
);

/**
 * 安全生产隐患: on the shared lifecycle (`HAZARD_LIFECYCLE`). The enterprise's two paths are copied so that
 * the scope filter needs no join; the deadline is counted by the working calendar from assignment.
 */
export const hazards = pgTable(
  'hazards',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    orgPath: text('org_path').notNull(),
    supervisingOrgPath: text('supervising_org_path').notNull(),
    /** `general` or `major` */
    level: text('level').notNull(),
    /** `inspection`, `self_check`, `grid_finding` or `case` */
    source: text('source').notNull(),
    description: text('description').notNull(),
    place: text('place'),
    inspectionId: integer('inspection_id').references(() => safetyInspections.id),
    caseId: integer('case_id').references(() => cases.id),
    /** the grid worker's finding it was referred from (转安全隐患): one hazard per finding */
    gridFindingId: integer('grid_finding_id').references(() => gridFindings.id),
    reporterUserId: integer('reporter_user_id').references(() => users.id),
    reporterName: text('reporter_name').notNull(),
    responsibleParty: text('responsible_party'),
    assignedAt: at('assigned_at'),
    /** 整改期限 */
    deadline: at('deadline'),
    /** 挂牌督办 */
    listedForSupervision: boolean('listed_for_supervision').notNull().default(false),
    supervisionNote: text('supervision_note'),
    /** 治理方案 of a major hazard (`RectificationPlan`) */
    plan: jsonb('plan'),
    /** days of an extension asked for and not yet decided */
    extensionDays: integer('extension_days'),
    state: text('state').notNull(),
    resolutionNote: text('resolution_note'),
    ...chainHeadColumns(),
    version: integer('version').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    /** when it was closed (销号) */
    closedAt: at('closed_at'),
  },
  (t) => [
    index('hazards_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('hazards_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    index('hazards_supervising_path_idx').using('btree', t.supervisingOrgPath.op('text_pattern_ops')),
    index('hazards_enterprise_idx').on(t.enterpriseId),
    uniqueIndex('hazards_grid_finding_key').on(t.gridFindingId),
    check('hazards_level_check', sql`${t.level} in ('general', 'major')`),
    check('hazards_source_check', sql`${t.source} in ('inspection', 'self_check', 'grid_finding', 'case')`),
  ],
);

/** The timeline of a hazard: the shared lifecycle's append-only, keyed chain. */
export const hazardEvents = pgTable(
  'hazard_events',
  {
    ...lifecycleEventColumns(),
    hazardId: integer('hazard_id')
      .notNull()
      .references(() => hazards.id),
  },
  (t) => [uniqueIndex('hazard_events_seq_idx').on(t.hazardId, t.seq)],
);

/** A photo of a hazard: as found (`report`) or after rectification (`after`); bytes in the attachment store. */
export const hazardPhotos = pgTable(
  'hazard_photos',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    hazardId: integer('hazard_id')
      .notNull()
      .references(() => hazards.id),
    role: text('role').notNull(),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedByUserId: integer('uploaded_by_user_id').notNull(),
    uploadedAt: at('uploaded_at').notNull(),
  },
  (t) => [
    index('hazard_photos_hazard_idx').on(t.hazardId),
    check('hazard_photos_role_check', sql`${t.role} in ('report', 'after')`),
  ],
);

/**
 * 签字确认: an enterprise's principal signs its quarterly (`quarter` 1–4) or annual (`quarter` 0) hazard
 * statistics (令第16号 art. 14), once per period; who recorded it and when.
 */
export const safetyReportConfirmations = pgTable(
  'safety_report_confirmations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: integer('year').notNull(),
    /** 1–4, or 0 for the annual report */
    quarter: integer('quarter').notNull(),
    /** the principal who signs (主要负责人) */
    principal: text('principal').notNull(),
    confirmedByUserId: integer('confirmed_by_user_id')
      .notNull()
      .references(() => users.id),
    confirmedAt: at('confirmed_at').notNull(),
  },
  (t) => [
    uniqueIndex('safety_report_confirmations_period_key').on(t.enterpriseId, t.year, t.quarter),
    check('safety_report_confirmations_quarter_check', sql`${t.quarter} between 0 and 4`),
  ],
);
