import type { CatalogNode } from './catalog-node.js';
import { loadDemoCatalog } from './demo-catalog.js';
import { loadExtra12345Areas } from './extra-12345-areas.js';
import { readTeddyTaxonomy } from './teddy-taxonomy.js';

/** Counts of an assembled catalog and which tree it was built on. */
export interface CatalogSummary {
  areas: number;
  subcategories: number;
  leaves: number;
  /** `teddy` when the competition tree was found, else `demo` */
  source: 'teddy' | 'demo';
}

export interface AssembledCatalog {
  /** every node, parents before children, in code order */
  nodes: CatalogNode[];
  summary: CatalogSummary;
}

export interface AssembleCatalogOptions {
  /** folder holding `fj1_label_taxonomy.jsonl` (the shared `teddy_cup_2020_c` data); left out: the demo tree */
  teddyDir?: string | URL;
}

/**
 * The full catalog: the teddy tree when its file is found, else the demo catalog; then the extra 12345
 * areas (水电气暖, 便民服务, 社会治安) numbered after the main tree's areas.
 */
export async function assembleCatalog(options: AssembleCatalogOptions = {}): Promise<AssembledCatalog> {
  const teddy = options.teddyDir === undefined ? null : await readTeddyTaxonomy(options.teddyDir);
  const base = teddy ?? loadDemoCatalog();
  const baseAreas = base.filter((n) => n.level === 1).length;
  const nodes = [...base, ...loadExtra12345Areas(baseAreas + 1)];
  assertCatalogIntegrity(nodes);
  return {
    nodes,
    summary: {
      areas: nodes.filter((n) => n.level === 1).length,
      subcategories: nodes.filter((n) => n.level === 2).length,
      leaves: nodes.filter((n) => n.leaf !== undefined).length,
      source: teddy ? 'teddy' : 'demo',
    },
  };
}

/**
 * Checks what the sources promise together: codes unique, every parent present and one level up, names
 * unique among siblings (an extra area named like a main one would break that), leaves exactly at level 3.
 */
export function assertCatalogIntegrity(nodes: readonly CatalogNode[]): void {
  const byCode = new Map<string, CatalogNode>();
  const siblingNames = new Set<string>();
  for (const node of nodes) {
    if (byCode.has(node.code)) throw new Error(`catalog: duplicate code ${node.code}`);
    if (node.parentCode !== null) {
      const parent = byCode.get(node.parentCode);
      if (!parent || parent.level !== node.level - 1) {
        throw new Error(`catalog: ${node.code} has no parent ${node.parentCode} one level up`);
      }
    }
    const key = `${node.parentCode ?? ''}/${node.name}`;
    if (siblingNames.has(key))
      throw new Error(`catalog: two siblings named ${node.name} under ${node.parentCode}`);
    if ((node.level === 3) !== (node.leaf !== undefined)) {
      throw new Error(
        `catalog: ${node.code} is level ${node.level} but ${node.leaf ? 'has' : 'lacks'} leaf settings`,
      );
    }
    byCode.set(node.code, node);
    siblingNames.add(key);
  }
}
