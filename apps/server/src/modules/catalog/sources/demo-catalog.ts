import { TimeLimitProfileId } from '@shanzhi/shared';
import { z } from 'zod';
import { type CatalogNode, numberCatalog } from './catalog-node.js';
import demoCatalogJson from './demo-catalog.json' with { type: 'json' };
import { settleLeaf } from './unit-mapping.js';

const Name = z.string().trim().min(1).max(50);

/** A leaf in the demo file: a bare name, or a name with the settings it fixes by hand. */
const DemoLeaf = z.union([
  Name,
  z
    .object({
      name: Name,
      unit: z.string().min(1).optional(),
      profile: TimeLimitProfileId.optional(),
      police: z.boolean().optional(),
    })
    .strict(),
]);

/** Shape of `demo-catalog.json`. */
export const DemoCatalogFile = z
  .object({
    source: z.string(),
    areas: z.array(
      z
        .object({
          name: Name,
          subcategories: z.array(z.object({ name: Name, leaves: z.array(DemoLeaf).min(1) }).strict()).min(1),
        })
        .strict(),
    ),
  })
  .strict();
export type DemoCatalogFile = z.infer<typeof DemoCatalogFile>;

/**
 * The demo catalog: a small tree of common 12345 matters, so the demo works without the competition data.
 * Numbered from `01` in file order.
 */
export function loadDemoCatalog(): CatalogNode[] {
  const file = DemoCatalogFile.parse(demoCatalogJson);
  return numberCatalog(
    file.areas.map((area) => ({
      name: area.name,
      subcategories: area.subcategories.map((sub) => ({
        name: sub.name,
        leaves: sub.leaves.map((entry) => {
          const { name, ...overrides } = typeof entry === 'string' ? { name: entry } : entry;
          return {
            name,
            settings: settleLeaf({ area: area.name, subcategory: sub.name, leaf: name }, overrides),
          };
        }),
      })),
    })),
  );
}
