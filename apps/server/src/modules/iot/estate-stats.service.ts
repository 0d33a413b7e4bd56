import type { AlertType, DeviceType, EstateStats } from '@shanzhi/shared';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { presentEstate } from './iot.presenter.js';
import {
  countAlertsByType,
  countEstateDevices,
  countFalseAlarms,
  findBuildingsOf,
  findEstate,
  summariseEstateAlerts,
} from './iot.repository.js';

/**
 * 小区数据: an estate in the caller's scope with its numbers over all its alerts — by type, the false-alarm
 * rate per device type, the median time to a person's first action, the cases opened, the devices online.
 */
export async function estateStats(ctx: AppContext, actor: Actor, id: number): Promise<EstateStats> {
  const row = await findEstate(ctx.db, id);
  if (!row) throw new AppError('IOT_ESTATE_NOT_FOUND', `小区 ${id} 不存在`);
  if (!isInScope(actor, row.orgPath)) throw new AppError('OUT_OF_SCOPE', '该小区不在您的管辖范围内');
  const [buildings, counts, byType, falseAlarms, summary] = await Promise.all([
    findBuildingsOf(ctx.db, [id]),
    countEstateDevices(ctx.db, [id], ctx.clock.now()),
    countAlertsByType(ctx.db, id),
    countFalseAlarms(ctx.db, id),
    summariseEstateAlerts(ctx.db, id),
  ]);
  return {
    estate: presentEstate(row, buildings.get(id) ?? [], counts.get(id)!),
    alertsByType: byType.map((r) => ({ type: r.type as AlertType, count: r.count })),
    falseAlarms: falseAlarms.map((r) => ({
      deviceType: r.deviceType as DeviceType,
      alerts: r.alerts,
      dismissed: r.dismissed,
      rate: r.alerts === 0 ? 0 : r.dismissed / r.alerts,
    })),
    medianMinutesToAcknowledge: summary.medianMinutes,
    casesOpened: summary.casesOpened,
    alerts: summary.alerts,
  };
}
