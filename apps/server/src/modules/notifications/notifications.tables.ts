import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.tables.js';
import { disputes } from '../mediation/mediation.tables.js';
import { petitions } from '../petitions/petitions.tables.js';
import { users } from '../users/users.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 站内通知: what the platform tells a staff member (a new dispatch, a return, an urge, a deadline warning …).
 * Written by the outbox consumer (`jobs/outbox-dispatch.job.ts`), read by its owner only.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** NOTIFICATION_KINDS: `dispatched`, `returned`, `supervised`, `sla_warned` … */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    caseId: integer('case_id').references(() => cases.id),
    caseNumber: text('case_number'),
    /** the dispute it is about (a mediation deadline), which it opens */
    disputeId: integer('dispute_id').references((): AnyPgColumn => disputes.id),
    /** the petition it is about (a legal deadline), which it opens */
    petitionId: integer('petition_id').references((): AnyPgColumn => petitions.id),
    /** the outbox row that raised it: with the user, unique, so a replayed row never notifies twice */
    outboxId: bigint('outbox_id', { mode: 'number' }),
    createdAt: at('created_at').notNull().defaultNow(),
    /** when its owner read it; null while unread */
    readAt: at('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id.desc()),
    index('notifications_unread_idx').on(t.userId, t.id.desc()).where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_outbox_user_idx').on(t.outboxId, t.userId),
  ],
);

/**
 * A notice meant for a citizen who has no account (the caller of a merged duplicate is told of the master
 * case's progress), keyed by his case and phone number. There is no SMS gateway yet: rows wait here with
 * `sent_at` null for one to deliver them, and the case's own page can show them meanwhile.
 */
export const citizenNotifications = pgTable(
  'citizen_notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** the citizen's own case (the merged duplicate) */
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    caseNumber: text('case_number').notNull(),
    phone: text('phone').notNull(),
    /** the master case whose progress this tells of */
    masterCaseId: integer('master_case_id').references(() => cases.id),
    /** the event told of, e.g. `case.accepted` */
    event: text('event').notNull(),
    body: text('body').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
    createdAt: at('created_at').notNull().defaultNow(),
    /** when a gateway delivered it (SMS …); null until then */
    sentAt: at('sent_at'),
  },
  (t) => [
    index('citizen_notifications_case_idx').on(t.caseId, t.id),
    index('citizen_notifications_unsent_idx').on(t.id).where(sql`${t.sentAt} is null`),
    uniqueIndex('citizen_notifications_outbox_case_idx').on(t.outboxId, t.caseId),
  ],
);
