import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { chainHeadColumns } from '../../platform/lifecycle/lifecycle-columns.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { searchCopyOf } from './case-search-copy.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 工单: one citizen request from intake to archive (DOMAIN.md §3). Only the case service writes it, one
 * lifecycle action per transaction (`case-transition.ts`); every change has its event in `case_events`.
 * Columns the measures (DOMAIN.md §6) count from are kept here too (`dispatched_at`, `returns`, `callback_*`…),
 * so that the KPIs need no walk through the timeline.
 */
export const cases = pgTable(
  'cases',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** 工单编号: `WH` + Beijing date + 6-digit sequence of the day, e.g. `WH20261123000123`; never reused */
    number: text('number').notNull().unique(),
    /** 来源 (CASE_SOURCES) */
    source: text('source').notNull(),
    /** 渠道 code of an online request (portal, mini-program …; channels are data) */
    channel: text('channel'),
    /** 诉求类型 (CASE_TYPES) */
    type: text('type').notNull(),
    /** 事项目录 leaf; null until classified */
    categoryId: integer('category_id').references(() => catalogCategories.id),
    /** 紧急 / 加急 / 一般 */
    priority: text('priority').notNull(),
    /** the catalog flags the category as a police (110) matter */
    policeMatter: boolean('police_matter').notNull().default(false),
    fireLinkage: boolean('fire_linkage').notNull().default(false),
    title: text('title').notNull(),
    description: text('description').notNull(),
    // What the keyword search of a caller without `personal_data.read` reads instead (`case-search-copy.ts`).
    /** the title with every personal-number shape starred; null when it holds none */
    titleMasked: text('title_masked').generatedAlwaysAs(searchCopyOf('title')),
    /** the content with every personal-number shape starred; null when it holds none */
    descriptionMasked: text('description_masked').generatedAlwaysAs(searchCopyOf('description')),
    citizenName: text('citizen_name'),
    citizenPhone: text('citizen_phone'),
    citizenIdNumber: text('citizen_id_number'),
    /** 匿名: name and phone hidden from the handling units */
    anonymous: boolean('anonymous').notNull().default(false),
    /** 保密: never published */
    keepPrivate: boolean('keep_private').notNull().default(false),
    address: text('address'),
    /** GCJ-02 */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** where the case happened, resolved at intake from the point (or the reporter's own grid) */
    gridId: integer('grid_id').references(() => orgs.id),
    communityId: integer('community_id').references(() => orgs.id),
    townId: integer('town_id').references(() => orgs.id),
    districtId: integer('district_id').references(() => orgs.id),
    /** materialised org path of the deepest of those (`/1/4/27/…/`): the territorial part of the data scope */
    areaPath: text('area_path'),
    /** CASE_STATES */
    state: text('state').notNull(),
    /** 主办单位 of the current dispatch */
    leadUnitId: integer('lead_unit_id').references(() => orgs.id),
    /** 首接首办: the unit that first signed for the case; answerable to the end, never changed */
    firstReceiverOrgId: integer('first_receiver_org_id').references(() => orgs.id),
    /** the centre (or territorial level) that owns the case now: it dispatches; `escalate` moves it up */
    currentOrgId: integer('current_org_id')
      .notNull()
      .references(() => orgs.id),
    /** the org of the staff member who registered the case */
    registeredByOrgId: integer('registered_by_org_id').references(() => orgs.id),
    // The limits as they stood at intake: a later change of the catalog does not move running cases.
    acceptLimitValue: integer('accept_limit_value').notNull(),
    acceptLimitUnit: text('accept_limit_unit').notNull(),
    resolveLimitValue: integer('resolve_limit_value').notNull(),
    resolveLimitUnit: text('resolve_limit_unit').notNull(),
    /** 签收截止: set at dispatch (and reopen) */
    acceptDeadline: at('accept_deadline'),
    /** 办结截止: provisional from intake, then from acceptance; moved by an extension or a rework */
    resolveDeadline: at('resolve_deadline'),
    /** 亮灯 of the running limit: green / yellow / red */
    light: text('light').notNull().default('green'),
    /** which limit runs now: `accept` (dispatched), `resolve` (accepted), or null (nobody's clock) */
    slaClock: text('sla_clock'),
    /** when the running limit started */
    slaStartedAt: at('sla_started_at'),
    /** when the light must next change (80 % instant, then the deadline): what the SLA scan looks at */
    slaNextCheckAt: at('sla_next_check_at'),
    dispatchedAt: at('dispatched_at'),
    acceptedAt: at('accepted_at'),
    repliedAt: at('replied_at'),
    calledBackAt: at('called_back_at'),
    closedAt: at('closed_at'),
    /** 退单次数 (dispatch accuracy) */
    returns: smallint('returns').notNull().default(0),
    /** 返工次数 */
    reworks: smallint('reworks').notNull().default(0),
    /** 重办次数 */
    reopens: smallint('reopens').notNull().default(0),
    /** 延期申请次数 (at most MAX_EXTENSION.times) */
    extensionRequests: smallint('extension_requests').notNull().default(0),
    /** null, `pending`, `approved` or `refused`: the last request's fate */
    extensionStatus: text('extension_status'),
    extensionRequestedDeadline: at('extension_requested_deadline'),
    extensionReason: text('extension_reason'),
    /** 回访: whether the citizen was reached, and the three answers of 接诉即办 */
    callbackReached: boolean('callback_reached'),
    callbackContacted: boolean('callback_contacted'),
    callbackSolved: boolean('callback_solved'),
    satisfaction: text('satisfaction'),
    /** 督办: the highest level of supervision the case is under, and how often it was urged */
    supervisionLevel: text('supervision_level'),
    supervisions: smallint('supervisions').notNull().default(0),
    /** 合并: the master case this duplicate follows */
    masterCaseId: integer('master_case_id').references((): AnyPgColumn => cases.id),
    /** 外部编号: 110 incident number, petition number, alert id … */
    externalRef: text('external_ref'),
    /** the last transfer to 110 was decided in a three-way call (caller + 12345 + 110) */
    threeWayCall: boolean('three_way_call'),
    /** 直接办结: the knowledge-base entry that answered (no foreign key: the knowledge module owns it) */
    knowledgeEntryId: integer('knowledge_entry_id'),
    ...chainHeadColumns(),
    /** leading events hashed with plain SHA-256 before the chain was keyed (migration 0012); 0 since */
    chainLegacyEvents: integer('chain_legacy_events').notNull().default(0),
    /** HMAC of the case id, `chain_legacy_events` and the legacy head, set once by the server (`sealLegacyChains`) */
    chainLegacySeal: text('chain_legacy_seal'),
    /** optimistic lock: every action names the version it saw */
    version: integer('version').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('cases_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('cases_deadline_idx').on(t.resolveDeadline, t.id),
    index('cases_area_path_idx').using('btree', t.areaPath.op('text_pattern_ops'), t.createdAt),
    index('cases_state_idx').on(t.state, t.createdAt),
    index('cases_lead_unit_idx').on(t.leadUnitId, t.state),
    index('cases_current_org_idx').on(t.currentOrgId, t.state),
    index('cases_category_idx').on(t.categoryId, t.createdAt),
    index('cases_citizen_phone_idx').on(t.citizenPhone, t.createdAt),
    index('cases_master_idx').on(t.masterCaseId).where(sql`${t.masterCaseId} is not null`),
    index('cases_sla_due_idx').on(t.slaNextCheckAt).where(sql`${t.slaNextCheckAt} is not null`),
    check('cases_light_check', sql`${t.light} in ('green', 'yellow', 'red')`),
    check('cases_sla_clock_check', sql`${t.slaClock} in ('accept', 'resolve')`),
  ],
);

/** 工单编号 allocation: the last number given out on each Beijing day. */
export const caseNumberSequences = pgTable('case_number_sequences', {
  /** Beijing date, `YYYYMMDD` */
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
});

/** 主办 and 协办 units of a case's current dispatch (replaced at each dispatch). */
export const caseHandlers = pgTable(
  'case_handlers',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** `lead` (主办) or `co` (协办) */
    role: text('role').notNull(),
  },
  (t) => [
    uniqueIndex('case_handlers_pk').on(t.caseId, t.orgId),
    index('case_handlers_org_idx').on(t.orgId, t.caseId),
    check('case_handlers_role_check', sql`${t.role} in ('lead', 'co')`),
  ],
);
