import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { chainHeadColumns, lifecycleEventColumns } from '../../platform/lifecycle/lifecycle-columns.js';
import { cases } from '../cases/cases.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** 服务项目: the 22 items of 民需我应 (seeded by migration 0029), editable by an administrator. */
export const marketItems = pgTable('market_items', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  description: text('description').notNull(),
  /** `[{ key, label, required }]`: what an order of the item asks */
  questions: jsonb('questions').notNull().default([]),
  priceMin: doublePrecision('price_min').notNull(),
  priceMax: doublePrecision('price_max').notNull(),
  /** 接单时限 in minutes */
  acceptMinutes: integer('accept_minutes').notNull(),
  /** false for 挪车: the platform contacts the car's owner itself */
  needsMerchant: boolean('needs_merchant').notNull().default(true),
  sort: integer('sort').notNull(),
  active: boolean('active').notNull().default(true),
});

/** 商户: a merchant of the marketplace, the items it offers, where and when. */
export const marketMerchants = pgTable(
  'market_merchants',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    /** 营业执照 统一社会信用代码 */
    licenceNo: text('licence_no').notNull(),
    /** 联系人 (null for merchants entered before applications) */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone').notNull(),
    /** applied · approved · refused · suspended · removed (see `MARKET_MERCHANT_LIFECYCLE`) */
    status: text('status').notNull(),
    /** 服务区域: districts and towns (org ids) it covers */
    areaOrgIds: integer('area_org_ids').array().notNull(),
    /** the items it offers */
    itemIds: integer('item_ids').array().notNull(),
    /** 服务半径: its base point (GCJ-02) and the km around it it also covers; all three or none */
    baseLongitude: doublePrecision('base_longitude'),
    baseLatitude: doublePrecision('base_latitude'),
    radiusKm: doublePrecision('radius_km'),
    /** 营业时间, Beijing minutes of the day: open from `opens_minute` to `closes_minute` (1440 = midnight) */
    opensMinute: integer('opens_minute').notNull(),
    closesMinute: integer('closes_minute').notNull(),
    /** 综合评分 (1–5) from its ratings; a new merchant starts at 5 */
    score: doublePrecision('score').notNull().default(5),
    /** the last offer made to it: fairness between equals goes to the one waiting longest */
    lastOfferedAt: at('last_offered_at'),
    /** 价目表 `[{ itemId, min, max }]` in yuan, as the application gave it */
    prices: jsonb('prices').notNull().default([]),
    reviewNote: text('review_note'),
    /** bumped by each review action; a stale one is refused */
    version: integer('version').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('market_merchants_status_idx').on(t.status, t.createdAt)],
);

/** A merchant's staff accounts (role `merchant`). */
export const marketMerchantStaff = pgTable(
  'market_merchant_staff',
  {
    merchantId: integer('merchant_id')
      .notNull()
      .references(() => marketMerchants.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.userId] }),
    uniqueIndex('market_staff_user_idx').on(t.userId),
  ],
);

/** 便民服务订单: an order of a service item, its place and contact, and where it stands. */
export const marketOrders = pgTable(
  'market_orders',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** 订单号 `FW` + Beijing date + 6-digit sequence */
    number: text('number').notNull().unique(),
    itemId: integer('item_id')
      .notNull()
      .references(() => marketItems.id),
    state: text('state').notNull(),
    /** portal · hotline · api */
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    districtId: integer('district_id').references(() => orgs.id),
    townId: integer('town_id').references(() => orgs.id),
    phone: text('phone').notNull(),
    contactName: text('contact_name'),
    answers: jsonb('answers').notNull().default({}),
    wantedAt: at('wanted_at'),
    /** SHA-256 of the 查询码 given to the citizen who placed it */
    accessCodeHash: text('access_code_hash').notNull(),
    /** the merchant it is offered to or taken by */
    merchantId: integer('merchant_id').references(() => marketMerchants.id),
    offerExpiresAt: at('offer_expires_at'),
    /** offers refused or run out so far */
    passes: integer('passes').notNull().default(0),
    price: doublePrecision('price'),
    stars: smallint('stars'),
    ratingComment: text('rating_comment'),
    acceptedAt: at('accepted_at'),
    completedAt: at('completed_at'),
    /** 完工照片 in the attachment store, its proven type and size; null without one */
    completionPhotoSha256: text('completion_photo_sha256'),
    completionPhotoMime: text('completion_photo_mime'),
    completionPhotoSize: integer('completion_photo_size'),
    /** the 12345 case a complaint about the order became */
    caseId: integer('case_id').references(() => cases.id),
    ...chainHeadColumns(),
    version: integer('version').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('market_orders_offer_due_idx').on(t.offerExpiresAt).where(sql`${t.state} = 'offered'`),
    index('market_orders_merchant_idx').on(t.merchantId, t.state),
    index('market_orders_created_idx').on(t.createdAt, t.id),
  ],
);

/** The timeline of an order: the shared lifecycle's append-only, keyed chain. */
export const marketOrderEvents = pgTable(
  'market_order_events',
  {
    ...lifecycleEventColumns(),
    orderId: integer('order_id')
      .notNull()
      .references(() => marketOrders.id),
  },
  (t) => [uniqueIndex('market_order_events_seq_idx').on(t.orderId, t.seq)],
);

/** 派单记录: every offer of an order to a merchant and how it ended (pending · accepted · refused · expired). */
export const marketOffers = pgTable(
  'market_offers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orderId: integer('order_id')
      .notNull()
      .references(() => marketOrders.id),
    merchantId: integer('merchant_id')
      .notNull()
      .references(() => marketMerchants.id),
    offeredAt: at('offered_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    outcome: text('outcome').notNull(),
    answeredAt: at('answered_at'),
  },
  (t) => [
    index('market_offers_order_idx').on(t.orderId),
    index('market_offers_merchant_idx').on(t.merchantId),
  ],
);
