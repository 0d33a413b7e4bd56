import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/bytea.js';
import { cases } from '../cases/cases.tables.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { orgs } from '../orgs/orgs.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 分类模型: versioned classifier artefacts (`serializeModel`), with what they were trained on and how well they
 * did. Exactly one model per kind is active (a partial unique index); the server predicts with it.
 */
export const classifierModels = pgTable(
  'classifier_models',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** the model's version string, e.g. `20261123T020000Z-3fa2c1d0` */
    version: text('version').notNull().unique(),
    /** `category` (catalog area or deeper category) or `unit` (handling unit) */
    kind: text('kind').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    /** n, label counts, source (`file` or `history`) … */
    training: jsonb('training').notNull(),
    /** accuracy, macro_f1, per-label figures, and on which slice they were measured */
    metrics: jsonb('metrics').notNull(),
    /** the artefact as written by `serializeModel` */
    artefact: bytea('artefact').notNull(),
    active: boolean('active').notNull().default(false),
    activatedAt: at('activated_at'),
  },
  (t) => [
    uniqueIndex('classifier_models_one_active').on(t.kind).where(sql`${t.active}`),
    index('classifier_models_kind_idx').on(t.kind, t.createdAt),
    check('classifier_models_kind_check', sql`${t.kind} in ('category', 'unit')`),
  ],
);

/**
 * 智能派单建议: what the classifier suggested when a case was registered, and whether it dispatched the case
 * itself. One row per case.
 */
export const caseSuggestions = pgTable('case_suggestions', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id),
  categoryId: integer('category_id').references(() => catalogCategories.id),
  categoryConfidence: doublePrecision('category_confidence'),
  unitId: integer('unit_id').references(() => orgs.id),
  unitConfidence: doublePrecision('unit_confidence'),
  /** 110 detection at intake */
  policeFlagged: boolean('police_flagged').notNull().default(false),
  policeScore: doublePrecision('police_score').notNull().default(0),
  policeReasons: jsonb('police_reasons').notNull().default([]),
  /** versions of the category and unit models that answered */
  categoryModelVersion: text('category_model_version'),
  unitModelVersion: text('unit_model_version'),
  /** the case was dispatched to `unit_id` by the platform (智能派单) */
  autoDispatched: boolean('auto_dispatched').notNull().default(false),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * 训练信号: a correction of the classifier — a unit returned an auto-dispatched case. `corrected_unit_id` is
 * filled in when the case is dispatched again.
 */
export const classifierFeedback = pgTable(
  'classifier_feedback',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** `unit` (returned by the unit it was sent to) or `category` */
    kind: text('kind').notNull(),
    /** the unit (or category) the model chose */
    predictedId: integer('predicted_id'),
    /** the unit (or category) the case went to in the end; null until known */
    correctedId: integer('corrected_id'),
    confidence: doublePrecision('confidence'),
    modelVersion: text('model_version'),
    /** the return's reason */
    reason: text('reason'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('classifier_feedback_case_idx').on(t.caseId),
    check('classifier_feedback_kind_check', sql`${t.kind} in ('category', 'unit')`),
  ],
);
