import { type EstateMap, estateState, onlineShare } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { countEstateDevices, listEstatePlaces } from './iot.repository.js';

/**
 * The map of 智安小区: every estate in the caller's scope as a pin with its devices online, active alerts and
 * the state they make — all of them in one answer (a city has tens of estates, not thousands), where the list
 * answers a page.
 */
export async function estateMapForActor(ctx: AppContext, actor: Actor): Promise<EstateMap> {
  const places = await listEstatePlaces(ctx.db, actor.scopePath);
  const counts = await countEstateDevices(
    ctx.db,
    places.map((p) => p.id),
    ctx.clock.now(),
  );
  return {
    items: places.map((place) => {
      const { devices, online, activeAlerts } = counts.get(place.id)!;
      return {
        ...place,
        devices,
        onlineShare: onlineShare(online, devices),
        activeAlerts,
        state: estateState({ devices, devicesOnline: online, activeAlerts }),
      };
    }),
  };
}
