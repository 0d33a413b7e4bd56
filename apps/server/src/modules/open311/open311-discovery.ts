import { formatW3cDateTime } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { findRootOrg } from '../portal/portal.repository.js';
import { listOf, type Open311Document } from './open311-document.js';
import { lastServiceChange } from './open311-services.repository.js';

/** GeoReport v2's specification token, as discovery names it. */
export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';

/** The changeset before any service was described: when the open API was first released. */
const FIRST_RELEASE = new Date('2026-01-01T00:00:00+08:00');

/**
 * Service discovery: the one endpoint (production, XML and JSON) at `origin`, the city's 12345 line as its
 * contact, how to get a key, and as changeset the last time a service's description changed — the sign for a
 * client to fetch its cached service definitions again.
 */
export async function buildDiscovery(ctx: AppContext, origin: string): Promise<Open311Document> {
  const [root, changed] = await Promise.all([findRootOrg(ctx.db), lastServiceChange(ctx.db)]);
  const changeset = formatW3cDateTime(changed ?? FIRST_RELEASE);
  const city = root?.name ?? '';
  return {
    root: 'discovery',
    body: {
      changeset,
      contact: `${city}12345 政务服务便民热线：拨打 12345，或在群众服务门户 ${origin}/portal 提交诉求 / Call 12345 or use the citizen portal`,
      key_service: `API 密钥由${city}平台管理员在管理控制台「开放接口」页面签发 / API keys are issued by the platform’s administrators`,
      endpoints: listOf('endpoint', [
        {
          specification: GEOREPORT_V2,
          url: `${origin}/open311/v2`,
          changeset,
          type: 'production',
          formats: listOf('format', ['text/xml', 'application/json']),
        },
      ]),
    },
  };
}
