import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { chainHeadColumns, lifecycleEventColumns } from '../../platform/lifecycle/lifecycle-columns.js';
import { cases } from '../cases/cases.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** PostgreSQL `bytea` as a Node Buffer: a value sealed by `personalDataCipher`. */
const sealed = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * 人民调解委员会: a territorial committee at an org of the tree (村/社区, 镇/街道, 区, 市), or a specialised one
 * (行业性专业性: traffic, medical, property …) that takes the disputes of its fields in its org's subtree.
 */
export const mediationCommittees = pgTable(
  'mediation_committees',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    /** `COMMITTEE_LEVELS` */
    level: text('level').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** the org's path, for the scope filter and "the lowest committee that covers" */
    orgPath: text('org_path').notNull(),
    /** `DisputeField`s of a specialised committee; empty for a territorial one */
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('mediation_committees_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    check(
      'mediation_committees_level_check',
      sql`${t.level} in ('community', 'town', 'district', 'city', 'specialised')`,
    ),
  ],
);

/** 调解员: a member of one committee, with his fields of expertise and the 金牌调解员 flag. */
export const mediators = pgTable(
  'mediators',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    committeeId: integer('committee_id')
      .notNull()
      .references(() => mediationCommittees.id),
    /** his platform account, if he has one (the demo `mediator`) */
    userId: integer('user_id').references(() => users.id),
    name: text('name').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    gold: boolean('gold').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('mediators_committee_idx').on(t.committeeId),
    uniqueIndex('mediators_user_committee_idx').on(t.userId, t.committeeId),
  ],
);

/** 调解工作室: a named studio of a committee (董大姐平安工作室), led by one of its mediators. */
export const mediationStudios = pgTable('mediation_studios', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  committeeId: integer('committee_id')
    .notNull()
    .references(() => mediationCommittees.id),
  name: text('name').notNull(),
  leaderMediatorId: integer('leader_mediator_id').references(() => mediators.id),
  createdAt: at('created_at').notNull(),
});

/**
 * 矛盾纠纷: a dispute on the shared lifecycle (`DISPUTE_LIFECYCLE`), from intake to archive, with its agreement
 * and the judicial-confirmation window kept on the row.
 */
export const disputes = pgTable(
  'disputes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** 纠纷编号 `TJ` + Beijing date + serial */
    number: text('number').notNull().unique(),
    source: text('source').notNull(),
    field: text('field').notNull(),
    title: text('title').notNull(),
    facts: text('facts').notNull(),
    claims: text('claims').notNull(),
    /** 纠纷发生地 and its path (the scope filter) */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    committeeId: integer('committee_id').references(() => mediationCommittees.id),
    mediatorId: integer('mediator_id').references(() => mediators.id),
    state: text('state').notNull(),
    /** `DisputeOutcome` once settled */
    outcome: text('outcome'),
    /** `Difficulty`, for 以调定补 */
    difficulty: text('difficulty').notNull().default('ordinary'),
    occurredAt: at('occurred_at'),
    courtReference: text('court_reference'),
    /** the 12345 case it came from */
    caseId: integer('case_id').references(() => cases.id),
    /** the psychological-hotline case opened for it */
    hotlineCaseId: integer('hotline_case_id').references(() => cases.id),
    /** the case opened for the department when mediation failed (转部门办理) */
    transferCaseId: integer('transfer_case_id').references(() => cases.id),
    referralTarget: text('referral_target'),
    registeredByUserId: integer('registered_by_user_id').references(() => users.id),
    acceptedAt: at('accepted_at'),
    /** 调解期限: the limit from acceptance, plus the extensions the parties agreed */
    deadline: at('deadline'),
    extendedDays: integer('extended_days').notNull().default(0),
    /** the limit's light as the lights' scan last turned it (`SlaLight`): each turn is warned once */
    light: text('light').notNull().default('green'),
    /** when the scan looks at the light next; null while no limit runs or once red */
    lightNextCheckAt: at('light_next_check_at'),
    /** when it left mediation (agreed, failed, referred, refused) */
    endedAt: at('ended_at'),
    /** the committee level that reached the outcome (`community`, `town` …), for 小事不出村 */
    endedAtLevel: text('ended_at_level'),
    agreementForm: text('agreement_form'),
    agreementFacts: text('agreement_facts'),
    agreementIssues: text('agreement_issues'),
    agreementTerms: jsonb('agreement_terms').$type<{ content: string; how: string; dueDate: string }[]>(),
    agreedAt: at('agreed_at'),
    performedAt: at('performed_at'),
    confirmationStage: text('confirmation_stage'),
    confirmationCourt: text('confirmation_court'),
    confirmationAppliedAt: at('confirmation_applied_at'),
    confirmationAcceptedAt: at('confirmation_accepted_at'),
    confirmationRuledAt: at('confirmation_ruled_at'),
    ...chainHeadColumns(),
    version: integer('version').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('disputes_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('disputes_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    index('disputes_mediator_idx').on(t.mediatorId, t.state),
    index('disputes_committee_idx').on(t.committeeId, t.state),
    uniqueIndex('disputes_case_idx').on(t.caseId),
    index('disputes_light_check_idx').on(t.lightNextCheckAt).where(sql`${t.lightNextCheckAt} is not null`),
  ],
);

/** A dispute's append-only, chained timeline (room messages included). */
export const disputeEvents = pgTable(
  'dispute_events',
  { ...lifecycleEventColumns(), disputeId: integer('dispute_id').notNull() },
  (t) => [uniqueIndex('dispute_events_seq_idx').on(t.disputeId, t.seq)],
);

/**
 * 当事人: an applicant or respondent; phone and ID number sealed (AES-GCM). The room's access code (6 digits,
 * short-lived, sent by SMS or told by phone) is kept only as its keyed hash (the data key's blind index, bound
 * to the party), until it runs out.
 */
export const disputeParties = pgTable(
  'dispute_parties',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id),
    role: text('role').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    idNumberSealed: sealed('id_number_sealed'),
    creditCode: text('credit_code'),
    representative: text('representative'),
    phoneSealed: sealed('phone_sealed'),
    address: text('address'),
    email: text('email'),
    confirmedAt: at('confirmed_at'),
    confirmationMethod: text('confirmation_method'),
    roomCodeHash: text('room_code_hash'),
    roomCodeExpiresAt: at('room_code_expires_at'),
  },
  (t) => [index('dispute_parties_dispute_idx').on(t.disputeId)],
);

/** 调解记录: a session with its minutes (调解笔录). */
export const disputeSessions = pgTable(
  'dispute_sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id),
    mode: text('mode').notNull(),
    heldAt: at('held_at').notNull(),
    place: text('place'),
    videoLink: text('video_link'),
    attendees: text('attendees'),
    minutes: text('minutes').notNull(),
    mediatorName: text('mediator_name').notNull(),
    recordedByUserId: integer('recorded_by_user_id').references(() => users.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('dispute_sessions_dispute_idx').on(t.disputeId)],
);

/**
 * 证据材料: a file kept with a dispute (a photo, a receipt, a contract as PDF), such as a citizen sends with an
 * online application. The bytes live once per content in the attachment store (`attachments/<sha256>`), as a
 * case's attachments do; this row records which dispute holds what under which name, and who sent it.
 */
export const disputeEvidence = pgTable(
  'dispute_evidence',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id),
    /** hex SHA-256 of the content: also its file name in the store */
    sha256: text('sha256').notNull(),
    /** the file name as sent (shown and offered on download) */
    name: text('name').notNull(),
    /** the type found from the content's magic bytes */
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** the staff user who added it; null for a citizen on the portal */
    uploadedByUserId: integer('uploaded_by_user_id').references(() => users.id),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: at('uploaded_at').notNull(),
  },
  (t) => [index('dispute_evidence_dispute_idx').on(t.disputeId, t.id)],
);

/** 在线调解室: the room's messages (each also an event on the dispute's timeline). */
export const disputeMessages = pgTable(
  'dispute_messages',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id),
    /** `mediator` or `party` */
    authorKind: text('author_kind').notNull(),
    partyId: integer('party_id').references(() => disputeParties.id),
    userId: integer('user_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('dispute_messages_dispute_idx').on(t.disputeId, t.id)],
);

/** A party's session in the room (the access code exchanged): scoped to one dispute, kept as a token hash. */
export const disputeRoomSessions = pgTable('dispute_room_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  disputeId: integer('dispute_id')
    .notNull()
    .references(() => disputes.id),
  partyId: integer('party_id')
    .notNull()
    .references(() => disputeParties.id),
  expiresAt: at('expires_at').notNull(),
  createdAt: at('created_at').notNull(),
});

/** 以调定补: the subsidy (yuan) the city pays per mediated dispute of a field and difficulty. */
export const mediationSubsidyRates = pgTable(
  'mediation_subsidy_rates',
  {
    field: text('field').notNull(),
    difficulty: text('difficulty').notNull(),
    amountYuan: numeric('amount_yuan', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.field, t.difficulty] })],
);

/** The Beijing day a dispute's number was drawn on, and the serial: one row per day. */
export const disputeNumberSerials = pgTable('dispute_number_serials', {
  day: date('day').primaryKey(),
  last: integer('last').notNull(),
});
