import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type CatalogAreaSpec, type CatalogNode, numberCatalog } from './catalog-node.js';
import { settleLeaf } from './unit-mapping.js';

/** The taxonomy file of the 2020 Teddy Cup problem C (附件1), read from the shared data folder at run time. */
export const TEDDY_TAXONOMY_FILE = 'fj1_label_taxonomy.jsonl';

const Label = z.string().trim().min(1).max(50);
const TaxonomyRow = z.object({ l1: Label, l2: Label, l3: Label });

/**
 * Reads the three-level tree (15 areas, their subcategories, 517 matters) from `dir` and settles each
 * matter's unit, priority and limits by the mapping rules. Null when the folder or the file is absent, so
 * callers fall back to the demo catalog. The file is never copied into the repository.
 *
 * Order is the file's order of first appearance. A repeated (l1, l2, l3) row is kept once. The same l3
 * name under different parents (`其他`, `安置补偿` …) stays as distinct matters; an l3 named like its l2
 * (`其他/其他`, `文物管理/文物管理`) stays a level-3 leaf under that level-2 node, so every matter sits at level 3.
 */
export async function readTeddyTaxonomy(dir: string | URL): Promise<CatalogNode[] | null> {
  const file = join(typeof dir === 'string' ? dir : fileURLToPath(dir), TEDDY_TAXONOMY_FILE);
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) return null;
  const text = await readFile(file, 'utf8');
  return numberCatalog(buildTeddyAreas(text));
}

/** Groups the JSONL rows into areas → subcategories → leaves; throws on a line that is not a row. */
export function buildTeddyAreas(text: string): CatalogAreaSpec[] {
  const areas = new Map<string, Map<string, Set<string>>>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = TaxonomyRow.safeParse(parseJson(line));
    if (!parsed.success)
      throw new Error(`${TEDDY_TAXONOMY_FILE}: line ${index + 1} is not an {l1, l2, l3} row`);
    const { l1, l2, l3 } = parsed.data;
    let subs = areas.get(l1);
    if (!subs) {
      subs = new Map();
      areas.set(l1, subs);
    }
    let leaves = subs.get(l2);
    if (!leaves) {
      leaves = new Set();
      subs.set(l2, leaves);
    }
    leaves.add(l3);
  });
  return [...areas].map(([area, subs]) => ({
    name: area,
    subcategories: [...subs].map(([subcategory, leaves]) => ({
      name: subcategory,
      leaves: [...leaves].map((leaf) => ({ name: leaf, settings: settleLeaf({ area, subcategory, leaf }) })),
    })),
  }));
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
