import type { BoundaryGeometry, LocateQuery, PublicArea, PublicAreas } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type LocatedChain, locateChainAt } from '../orgs/grid-index.js';
import { findChildAreas, findPublicArea, type PublicAreaRow } from './portal-map.repository.js';

const present = (row: PublicAreaRow): PublicArea => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  boundary: (row.boundary as BoundaryGeometry | null) ?? null,
});

/**
 * 公众地图: an area (the city when `parentId` is absent) and the areas directly below it with their
 * boundaries, for the citizen's map picker. Only the territorial tree, only names and outlines: no staff,
 * no functional units, no codes. An inactive or non-territorial org is not found.
 */
export async function loadPublicAreas(ctx: AppContext, parentId: number | undefined): Promise<PublicAreas> {
  const area = await findPublicArea(ctx.db, parentId);
  if (!area) throw new AppError('ORG_NOT_FOUND', '该区域不存在');
  const children = await findChildAreas(ctx.db, area.id);
  return { area: present(area), children: children.map(present) };
}

/** 定位: the grid and the community, town and district above it of a point anywhere in the city. */
export async function locatePublicPoint(ctx: AppContext, point: LocateQuery): Promise<LocatedChain> {
  const chain = await locateChainAt(ctx, point);
  if (!chain) throw new AppError('POINT_OUTSIDE_CITY', '该位置不在本市任何网格内');
  return chain;
}
