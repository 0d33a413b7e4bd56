import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { deserializeModel } from './classifier/model-artefact.js';
import type { TextClassifier } from './classifier/train.js';
import { findActiveVersions, findArtefact, type ModelKind } from './model-store.repository.js';

/** The models a process predicts with, by kind; null until one is active. */
export interface LoadedModels {
  category: TextClassifier | null;
  unit: TextClassifier | null;
}

// One set per database: each test context (and the server's one) holds its own models.
const loaded = new WeakMap<Database, LoadedModels>();

/** The models this process holds now (no database access: prediction stays in memory). */
export function loadedModels(ctx: Pick<AppContext, 'database'>): LoadedModels {
  let models = loaded.get(ctx.database);
  if (!models) {
    models = { category: null, unit: null };
    loaded.set(ctx.database, models);
  }
  return models;
}

/**
 * Loads the active models whose version differs from what this process holds (at start, after an
 * activation, and periodically: another process may have activated a new version). Answers the kinds that
 * changed.
 */
export async function refreshModels(ctx: Pick<AppContext, 'database' | 'db'>): Promise<ModelKind[]> {
  const models = loadedModels(ctx);
  const active = await findActiveVersions(ctx.db);
  const changed: ModelKind[] = [];
  for (const kind of ['category', 'unit'] as const) {
    const version = active[kind];
    if (version === models[kind]?.version) continue;
    if (version === undefined) {
      models[kind] = null;
    } else {
      const artefact = await findArtefact(ctx.db, version);
      models[kind] = artefact ? deserializeModel(artefact) : null;
    }
    changed.push(kind);
  }
  return changed;
}

/** How often a server process looks for a newly activated model. */
export const MODEL_REFRESH_INTERVAL_MS = 60_000;
