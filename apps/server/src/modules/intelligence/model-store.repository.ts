import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { classifierModels } from './intelligence.tables.js';

/** What a classifier predicts: a catalog category or a handling unit. */
export type ModelKind = 'category' | 'unit';

/** A stored model row without its artefact (listings, comparisons). */
export interface StoredModelInfo {
  id: number;
  version: string;
  kind: ModelKind;
  createdAt: Date;
  training: Record<string, unknown>;
  metrics: Record<string, unknown>;
  active: boolean;
}

/** Input of `insertModel`. */
export interface NewStoredModel {
  version: string;
  kind: ModelKind;
  /** n, label counts, source (`file` | `history`) … */
  training: Record<string, unknown>;
  /** accuracy, macro_f1, per_label, and the slice they were measured on */
  metrics: Record<string, unknown>;
  artefact: Buffer;
  createdAt: Date;
}

const infoColumns = {
  id: classifierModels.id,
  version: classifierModels.version,
  kind: classifierModels.kind,
  createdAt: classifierModels.createdAt,
  training: classifierModels.training,
  metrics: classifierModels.metrics,
  active: classifierModels.active,
};

/** Stores a model, inactive. */
export async function insertModel(db: DbOrTx, model: NewStoredModel): Promise<number> {
  const [row] = await db
    .insert(classifierModels)
    .values({ ...model, active: false })
    .returning({ id: classifierModels.id });
  return row!.id;
}

/** Makes a stored model the active one of its kind (the previous one is deactivated first, same transaction). */
export async function activateModel(db: DbOrTx, id: number, kind: ModelKind, now: Date): Promise<void> {
  await db
    .update(classifierModels)
    .set({ active: false })
    .where(and(eq(classifierModels.kind, kind), eq(classifierModels.active, true)));
  await db
    .update(classifierModels)
    .set({ active: true, activatedAt: now })
    .where(eq(classifierModels.id, id));
}

/** The artefact of a stored model. */
export async function findArtefact(db: DbOrTx, version: string): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ artefact: classifierModels.artefact })
    .from(classifierModels)
    .where(eq(classifierModels.version, version));
  return row?.artefact;
}

/** The versions of the active models, by kind: the stamp every process compares with what it holds. */
export async function findActiveVersions(db: DbOrTx): Promise<Partial<Record<ModelKind, string>>> {
  const rows = await db
    .select({ kind: classifierModels.kind, version: classifierModels.version })
    .from(classifierModels)
    .where(eq(classifierModels.active, true));
  return Object.fromEntries(rows.map((r) => [r.kind, r.version]));
}

/** The newest stored models, newest first. */
export async function listModels(db: DbOrTx, limit = 50): Promise<StoredModelInfo[]> {
  const rows = await db
    .select(infoColumns)
    .from(classifierModels)
    .orderBy(desc(classifierModels.id))
    .limit(limit);
  return rows as StoredModelInfo[];
}
