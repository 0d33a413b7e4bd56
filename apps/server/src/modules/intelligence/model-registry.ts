import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { deserializeModel, ModelFormatError } from './classifier/model-artefact.js';
import type { TextClassifier } from './classifier/train.js';
import { findActiveVersions, findArtefact, type ModelKind } from './model-store.repository.js';

/** The models a process predicts with, by kind; null until one is active. */
export interface LoadedModels {
  category: TextClassifier | null;
  unit: TextClassifier | null;
  /** the active version of a kind when this process cannot read its artefact (stored in another format) */
  unreadable: Partial<Record<ModelKind, string>>;
}

// One set per database: each test context (and the server's one) holds its own models.
const loaded = new WeakMap<Database, LoadedModels>();

/** The models this process holds now (no database access: prediction stays in memory). */
export function loadedModels(ctx: Pick<AppContext, 'database'>): LoadedModels {
  let models = loaded.get(ctx.database);
  if (!models) {
    models = { category: null, unit: null, unreadable: {} };
    loaded.set(ctx.database, models);
  }
  return models;
}

/**
 * Loads the active models whose version differs from what this process holds (at start, after an
 * activation, and periodically: another process may have activated a new version). Answers the kinds that
 * changed. An artefact this process cannot read (written in another format) is reported once and left aside:
 * the kind classifies without a model until a new one is trained and activated.
 */
export async function refreshModels(
  ctx: Pick<AppContext, 'database' | 'db' | 'logger'>,
): Promise<ModelKind[]> {
  const models = loadedModels(ctx);
  const active = await findActiveVersions(ctx.db);
  const changed: ModelKind[] = [];
  for (const kind of ['category', 'unit'] as const) {
    const version = active[kind];
    if (version === models[kind]?.version) continue;
    if (version !== undefined && version === models.unreadable[kind]) continue;
    delete models.unreadable[kind];
    models[kind] = version === undefined ? null : await readStoredModel(ctx, models, kind, version);
    changed.push(kind);
  }
  return changed;
}

async function readStoredModel(
  ctx: Pick<AppContext, 'db' | 'logger'>,
  models: LoadedModels,
  kind: ModelKind,
  version: string,
): Promise<TextClassifier | null> {
  const artefact = await findArtefact(ctx.db, version);
  if (!artefact) return null;
  try {
    return deserializeModel(artefact);
  } catch (error) {
    if (!(error instanceof ModelFormatError)) throw error;
    models.unreadable[kind] = version;
    ctx.logger.warn(
      { kind, version, reason: error.message },
      'the active classifier cannot be read by this version of the platform; classifying without it until a new one is trained',
    );
    return null;
  }
}

/** How often a server process looks for a newly activated model. */
export const MODEL_REFRESH_INTERVAL_MS = 60_000;
