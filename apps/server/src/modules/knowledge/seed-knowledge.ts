import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { insertMissingSeededEntries } from './knowledge.repository.js';
import { DEMO_KNOWLEDGE_ENTRIES, DEMO_REPLY_TEMPLATES, type DemoCategoryRef } from './knowledge-demo.data.js';
import { entryTokensOf } from './knowledge-text.js';
import { insertMissingSeededTemplates } from './reply-templates.repository.js';

type CategoryLookup = (ref: DemoCategoryRef | null) => number | null;

async function categoryLookup(db: DbOrTx): Promise<CategoryLookup> {
  const rows = await db
    .select({ id: catalogCategories.id, name: catalogCategories.name, parentId: catalogCategories.parentId })
    .from(catalogCategories);
  const idOf = (parentId: number | null, name: string) =>
    rows.find((r) => r.parentId === parentId && r.name === name)?.id;
  return (ref) => {
    if (!ref) return null;
    for (const areaName of ref.area) {
      const area = idOf(null, areaName);
      if (area === undefined) continue;
      for (const subName of ref.sub ?? []) {
        const sub = idOf(area, subName);
        if (sub !== undefined) return sub;
      }
      return area;
    }
    return null;
  };
}

/**
 * The demo knowledge base and reply templates, each under a stable seed key: only the missing ones are
 * written, so entries an administrator edited or withdrew stay as he left them. Runs after the catalog.
 */
export async function seedDemoKnowledge(ctx: AppContext): Promise<{ entries: number; templates: number }> {
  return ctx.db.transaction(async (tx) => {
    const categoryOf = await categoryLookup(tx);
    const now = ctx.clock.now();
    const entries = await insertMissingSeededEntries(
      tx,
      DEMO_KNOWLEDGE_ENTRIES.map((e) => ({
        seedKey: e.key,
        question: e.question,
        answer: e.answer,
        categoryId: categoryOf(e.category),
        tags: [...e.tags],
        validFrom: e.validFrom ?? null,
        validTo: e.validTo ?? null,
        ...entryTokensOf(e),
        createdAt: now,
        updatedAt: now,
      })),
    );
    const templates = await insertMissingSeededTemplates(
      tx,
      DEMO_REPLY_TEMPLATES.map((t) => ({
        seedKey: t.key,
        name: t.name,
        categoryId: categoryOf(t.category),
        body: t.body,
        createdAt: now,
        updatedAt: now,
      })),
    );
    return { entries, templates };
  });
}
