import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { users } from '../users/users.tables.js';

/** PostgreSQL's `tsvector`, only ever read by the database itself. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The knowledge base (知识库): questions a 12345 agent answers at once (直接办结). Question, tags and answer are
 * segmented with jieba when written (`*_tokens`, words joined by spaces); the database indexes those words in
 * `search_vector` with the language-neutral `simple` configuration, weighted question A, tags B, answer C.
 */
export const knowledgeEntries = pgTable(
  'knowledge_entries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** stable key of an entry shipped with the demo seed; null for entries people write */
    seedKey: text('seed_key').unique(),
    /** 问题 */
    question: text('question').notNull(),
    /** 答案 */
    answer: text('answer').notNull(),
    /** 事项类别; null = general */
    categoryId: integer('category_id').references(() => catalogCategories.id),
    /** 标签 */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** 生效日期 (Beijing day, inclusive); null = at once */
    validFrom: date('valid_from', { mode: 'string' }),
    /** 失效日期 (Beijing day, inclusive); null = until withdrawn */
    validTo: date('valid_to', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    /** jieba search-mode words of the question */
    questionTokens: text('question_tokens').notNull().default(''),
    /** jieba search-mode words of the tags */
    tagTokens: text('tag_tokens').notNull().default(''),
    /** jieba search-mode words of the answer */
    answerTokens: text('answer_tokens').notNull().default(''),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple'::regconfig, question_tokens), 'A') || setweight(to_tsvector('simple'::regconfig, tag_tokens), 'B') || setweight(to_tsvector('simple'::regconfig, answer_tokens), 'C')`,
      ),
    version: integer('version').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('knowledge_search_idx').using('gin', t.searchVector),
    index('knowledge_tags_idx').using('gin', t.tags),
    index('knowledge_category_idx').on(t.categoryId),
    index('knowledge_created_idx').on(t.createdAt),
    check(
      'knowledge_validity_order',
      sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validFrom} <= ${t.validTo}`,
    ),
  ],
);

/**
 * Standard reply templates (标准回复样板) for handlers, per catalog category (null = general, 通用). The body
 * holds placeholders such as `{citizenName}`, filled by `fillReplyTemplate`.
 */
export const replyTemplates = pgTable(
  'reply_templates',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** stable key of a template shipped with the demo seed; null for templates people write */
    seedKey: text('seed_key').unique(),
    name: text('name').notNull(),
    categoryId: integer('category_id').references(() => catalogCategories.id),
    body: text('body').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reply_templates_category_idx').on(t.categoryId)],
);
