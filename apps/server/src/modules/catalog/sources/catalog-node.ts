import type { Priority, TimeLimit } from '@shanzhi/shared';

/** What a leaf (末级事项) carries: the rules a case filed under it starts with. */
export interface CatalogLeafSettings {
  /** 默认承办单位: code of a unit in WUHAI_UNITS */
  defaultUnitCode: string;
  /** default priority of a case of this matter */
  priority: Priority;
  /** 签收时限 */
  acceptLimit: TimeLimit;
  /** 办理时限 */
  resolveLimit: TimeLimit;
  /** 110 matter: passed to the police line at intake */
  police: boolean;
}

/** One category as every source gives it, parents before their children. */
export interface CatalogNode {
  /** hierarchical code: `01` area, `01.02` subcategory, `01.02.003` matter */
  code: string;
  name: string;
  level: 1 | 2 | 3;
  /** code of the parent, null for an area */
  parentCode: string | null;
  /** present on leaves only */
  leaf?: CatalogLeafSettings;
}

/** A source's tree before it is numbered: areas → subcategories → leaves, in the source's order. */
export interface CatalogAreaSpec {
  name: string;
  subcategories: { name: string; leaves: { name: string; settings: CatalogLeafSettings }[] }[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Numbers a tree in its order: areas from `firstArea` (two digits), subcategories from 1 (two digits),
 * leaves from 1 (three digits). Throws when two siblings share a name, a fault of the source.
 */
export function numberCatalog(areas: readonly CatalogAreaSpec[], firstArea = 1): CatalogNode[] {
  const nodes: CatalogNode[] = [];
  assertUniqueNames(
    areas.map((a) => a.name),
    'areas',
  );
  areas.forEach((area, a) => {
    const areaCode = pad(firstArea + a, 2);
    nodes.push({ code: areaCode, name: area.name, level: 1, parentCode: null });
    assertUniqueNames(
      area.subcategories.map((s) => s.name),
      area.name,
    );
    area.subcategories.forEach((sub, s) => {
      const subCode = `${areaCode}.${pad(s + 1, 2)}`;
      nodes.push({ code: subCode, name: sub.name, level: 2, parentCode: areaCode });
      assertUniqueNames(
        sub.leaves.map((l) => l.name),
        `${area.name}/${sub.name}`,
      );
      sub.leaves.forEach((leaf, l) => {
        nodes.push({
          code: `${subCode}.${pad(l + 1, 3)}`,
          name: leaf.name,
          level: 3,
          parentCode: subCode,
          leaf: leaf.settings,
        });
      });
    });
  });
  return nodes;
}

function assertUniqueNames(names: readonly string[], where: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`catalog: duplicate name "${name}" under ${where}`);
    seen.add(name);
  }
}
