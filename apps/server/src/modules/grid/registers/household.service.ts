import { HOUSEHOLD_PAGE_VISITS, type HouseDetail } from '@shanzhi/shared';
import type { Actor } from '../../../platform/auth/actor.js';
import { freeTextMaskingFor } from '../../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../../platform/context.js';
import { latestVisitsOfHouse } from '../visits/visits.service.js';
import { presentHouse } from './houses.presenter.js';
import { loadHouseInScope } from './houses.service.js';
import { residentsOfHouse } from './residents.service.js';

/** 户详情: a household's page — the house, the people registered in it and its latest visits. */
export async function getHousehold(ctx: AppContext, actor: Actor, id: number): Promise<HouseDetail> {
  const house = await loadHouseInScope(ctx.db, actor, id);
  const [residents, visits] = await Promise.all([
    residentsOfHouse(ctx, actor, house.id, house.gridPath),
    latestVisitsOfHouse(ctx, actor, house, HOUSEHOLD_PAGE_VISITS),
  ]);
  return { ...presentHouse(house, freeTextMaskingFor(actor)), residents, visits };
}
