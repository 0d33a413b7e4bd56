import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { caseEvents } from '../cases/case-events.tables.js';
import { cases } from '../cases/cases.tables.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { users } from '../users/users.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * API keys of the integrators of the open API (Open311 GeoReport v2): one per app, vendor or system, each
 * registering its requests on a channel of its own, under a rate limit of its own. Only the SHA-256 of the
 * key is kept (as for session tokens), so a database leak does not leak keys; a key is revoked, never deleted.
 */
export const open311Keys = pgTable('open311_keys', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  /** 接入方: who holds the key */
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** the key's first characters, to recognise it in the console */
  prefix: text('prefix').notNull(),
  /** 渠道: the channel code the key's requests are registered on; one key, one channel */
  channelCode: text('channel_code').notNull().unique(),
  /** calls per hour before 429 */
  rateLimitPerHour: integer('rate_limit_per_hour').notNull(),
  createdAt: at('created_at').notNull(),
  createdByUserId: integer('created_by_user_id').references(() => users.id),
  /** 吊销: from then on the key answers 403 */
  revokedAt: at('revoked_at'),
  revokedByUserId: integer('revoked_by_user_id').references(() => users.id),
  lastUsedAt: at('last_used_at'),
});

/**
 * How a published catalog leaf is described as an Open311 service beyond its name and group: its description
 * and keywords (when the city words them itself) and the attributes a request answers (the plate for 挪车).
 */
export const open311Services = pgTable('open311_services', {
  categoryId: integer('category_id')
    .primaryKey()
    .references(() => catalogCategories.id),
  description: text('description'),
  keywords: text('keywords'),
  /** the service definition's attributes (`Open311Attribute[]`), in order */
  attributes: jsonb('attributes').notNull().default([]),
  updatedAt: at('updated_at').notNull(),
});

/**
 * A case registered through the open API: which key sent it, the token that finds its number, and what the
 * request brought that the case has no column for (its media URL, the reporter's e-mail, the answered
 * attributes). The case itself is an ordinary case of the spine.
 */
export const open311Requests = pgTable(
  'open311_requests',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    keyId: integer('key_id')
      .notNull()
      .references(() => open311Keys.id),
    /** GeoReport's token: `tokens/{token}` answers the case number */
    token: text('token').notNull().unique(),
    serviceCode: text('service_code').notNull(),
    mediaUrl: text('media_url'),
    /** the reporter's e-mail: contact data, never published */
    email: text('email'),
    /** the attributes answered (`Open311AnsweredAttribute[]`) */
    attributes: jsonb('attributes').notNull().default([]),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('open311_requests_key_idx').on(t.keyId, t.createdAt)],
);

/**
 * A citizen's update posted through the open API (mySociety's `POST servicerequestupdates`), by the client's
 * own update id: a retried post finds the event it already wrote instead of writing a second one.
 */
export const open311Updates = pgTable(
  'open311_updates',
  {
    keyId: integer('key_id')
      .notNull()
      .references(() => open311Keys.id),
    /** the client's `update_id` */
    externalId: text('external_id').notNull(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** the timeline event that records it: the `update_id` the platform answers */
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => caseEvents.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('open311_updates_key_external_idx').on(t.keyId, t.externalId)],
);
