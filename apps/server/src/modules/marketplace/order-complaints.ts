import { PORTAL_CHANNEL, type RegisterInput } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { type PreparedRegistration, prepareRegistration } from '../cases/register-case.js';
import { portalActor } from '../portal/portal.service.js';
import type { OrderListRow } from './orders.repository.js';

/**
 * The 12345 case a citizen's complaint about an order opens: source 网络渠道 (the portal), a complaint about
 * the service with the order's item, number and merchant, the citizen's phone to call back, the order's place,
 * and the order's number as the external reference. Prepared before the action's transaction, written in it.
 */
export async function prepareComplaintCase(
  ctx: AppContext,
  order: OrderListRow,
  content: string,
  ip: string,
): Promise<PreparedRegistration> {
  const register: RegisterInput = {
    source: 'online',
    channelCode: PORTAL_CHANNEL,
    type: 'complaint',
    title: `便民服务投诉：${order.itemName}`,
    content: `【民需我应】订单 ${order.number}（${order.itemName}，商户：${order.merchantName ?? '—'}）\n${content}`,
    priority: 'normal',
    citizenName: order.contactName ?? undefined,
    citizenPhone: order.phone.replace(/\D/g, ''),
    anonymous: false,
    keepPrivate: true,
    address: order.address,
    location: { longitude: order.longitude, latitude: order.latitude },
    externalRef: order.number,
  };
  return prepareRegistration(ctx, await portalActor(ctx, ip), register);
}
