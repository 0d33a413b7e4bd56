import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea as sealed } from '../../platform/db/bytea.js';
import { chainHeadColumns, lifecycleEventColumns } from '../../platform/lifecycle/lifecycle-columns.js';
import { cases } from '../cases/cases.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 信访事项 under 信访"两全"代办, on the shared lifecycle (`PETITION_LIFECYCLE`): taken in by an agent at his
 * agency point (`org_id`), with the legal deadlines of 信访工作条例 set as each period opens (calendar days, by
 * the limits in force then).
 */
export const petitions = pgTable(
  'petitions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** the agency point (代办点): the registering agent's org */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    /** 谁帮办: the agent who took it in; null while a portal petition waits for one (待认领) */
    agentUserId: integer('agent_user_id').references(() => users.id),
    agentName: text('agent_name'),
    /** `PETITION_MODES` */
    mode: text('mode').notNull(),
    /** `PETITION_SOURCES` */
    source: text('source').notNull(),
    matter: text('matter').notNull(),
    /** the matter reduced to its words (no spaces or punctuation): with the ID number, what finds a repeat */
    matterKey: text('matter_key').notNull(),
    responsibleBody: text('responsible_body'),
    /** the 12345 case it came from */
    caseId: integer('case_id').references(() => cases.id),
    state: text('state').notNull(),
    acceptDeadline: at('accept_deadline').notNull(),
    acceptedAt: at('accepted_at'),
    answerDeadline: at('answer_deadline'),
    /** calendar days the answer limit was extended by, in all */
    extensionDays: integer('extension_days').notNull().default(0),
    answeredAt: at('answered_at'),
    reviewRequestDeadline: at('review_request_deadline'),
    reviewRequestedAt: at('review_requested_at'),
    reviewDeadline: at('review_deadline'),
    reviewedAt: at('reviewed_at'),
    reReviewRequestDeadline: at('re_review_request_deadline'),
    reReviewRequestedAt: at('re_review_requested_at'),
    reReviewDeadline: at('re_review_deadline'),
    /** 复核听证: the hearing under way since (null when none is); its days do not count in the re-review's limit */
    hearingStartedAt: at('hearing_started_at'),
    /** calendar days the re-review's hearings took, in all */
    hearingDays: integer('hearing_days').notNull().default(0),
    reReviewedAt: at('re_reviewed_at'),
    closedAt: at('closed_at'),
    /** 化解: set at closing */
    resolved: boolean('resolved'),
    /** the last visit back's answer (`SATISFACTION_LEVELS`) */
    satisfaction: text('satisfaction'),
    /** the first petition of the same petitioner on the same matter, when this one repeats it */
    repeatOfId: integer('repeat_of_id'),
    /** how many of his petitions on the same matter came before */
    repeatCount: integer('repeat_count').notNull().default(0),
    /** 风险预警: flagged for a risk of escalation since (null when not), its kind and what was seen */
    riskFlaggedAt: at('risk_flagged_at'),
    /** `PETITION_RISK_KINDS` */
    riskKind: text('risk_kind'),
    riskReason: text('risk_reason'),
    /** the running limit's light as the lights' scan last turned it (`SlaLight`): each turn is warned once */
    light: text('light').notNull().default('green'),
    /** when the scan looks at the light next; null while no limit runs or once red */
    lightNextCheckAt: at('light_next_check_at'),
    ...chainHeadColumns(),
    version: integer('version').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('petitions_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('petitions_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    index('petitions_light_check_idx').on(t.lightNextCheckAt).where(sql`${t.lightNextCheckAt} is not null`),
    index('petitions_risk_idx').on(t.riskFlaggedAt.desc()).where(sql`${t.riskFlaggedAt} is not null`),
    index('petitions_unclaimed_idx').on(t.createdAt.desc()).where(sql`${t.agentUserId} is null`),
    uniqueIndex('petitions_case_idx').on(t.caseId).where(sql`${t.caseId} is not null`),
  ],
);

/**
 * 信访人: identity required; ID number and phone sealed (AES-GCM) like the registers' and the parties', the ID
 * number's blind index beside it to find his earlier petitions.
 */
export const petitionPetitioners = pgTable(
  'petition_petitioners',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    petitionId: integer('petition_id')
      .notNull()
      .references(() => petitions.id),
    name: text('name').notNull(),
    idNumberSealed: sealed('id_number_sealed').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    phoneSealed: sealed('phone_sealed'),
    address: text('address'),
  },
  (t) => [
    index('petition_petitioners_petition_idx').on(t.petitionId),
    index('petition_petitioners_id_number_idx').on(t.idNumberIndex),
  ],
);

/** The timeline of a petition: the shared lifecycle's append-only, keyed chain. */
export const petitionEvents = pgTable(
  'petition_events',
  {
    ...lifecycleEventColumns(),
    petitionId: integer('petition_id')
      .notNull()
      .references(() => petitions.id),
  },
  (t) => [uniqueIndex('petition_events_seq_idx').on(t.petitionId, t.seq)],
);

/** 委托代办书: what the petitioner entrusts the agent with (委托 only); the document is generated from it. */
export const petitionEntrustments = pgTable('petition_entrustments', {
  petitionId: integer('petition_id')
    .primaryKey()
    .references(() => petitions.id),
  agentUserId: integer('agent_user_id')
    .notNull()
    .references(() => users.id),
  agentName: text('agent_name').notNull(),
  /** 委托事项 */
  scope: text('scope').notNull(),
  createdAt: at('created_at').notNull(),
  /** the scan of the signed document in the attachment store (已签署), its proven type and size; null unsigned */
  signedSha256: text('signed_sha256'),
  signedMime: text('signed_mime'),
  signedSize: integer('signed_size'),
  signedAt: at('signed_at'),
});
