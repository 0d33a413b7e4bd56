import type { Open311Attribute } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { updateCategory } from '../catalog/catalog.repository.js';
import { findServiceSettings, upsertServiceDefinition } from './open311-services.repository.js';

/** A leaf the demo city publishes, found by its area and name in whichever catalog was loaded. */
interface DemoService {
  area: string;
  name: string;
  group?: string;
  keywords?: string;
  attributes?: Open311Attribute[];
}

const PLATE: Open311Attribute = {
  code: 'plate',
  datatype: 'string',
  required: true,
  variable: true,
  description: '车牌号',
  datatypeDescription: '如 蒙C12345',
  values: [],
};

const BLOCKING: Open311Attribute = {
  code: 'blocking',
  datatype: 'singlevaluelist',
  required: false,
  variable: true,
  description: '车辆堵住了什么',
  values: [
    { key: 'gate', name: '小区或单位出入口' },
    { key: 'fire_lane', name: '消防通道' },
    { key: 'parking', name: '自家车位' },
    { key: 'road', name: '道路' },
  ],
};

/**
 * What the demo city offers through Open311: street and utility matters a civic app reports (the demo tree's
 * 市政设施 and 噪音, absent from the full tree, are skipped there) and 挪车 with its plate number.
 */
const DEMO_SERVICES: readonly DemoService[] = [
  { area: '城乡建设', name: '路灯不亮', group: '市政设施', keywords: '路灯, 照明, streetlight' },
  { area: '城乡建设', name: '道路破损', group: '市政设施', keywords: '坑洼, 路面, pothole' },
  { area: '城乡建设', name: '井盖缺失', group: '市政设施', keywords: '井盖, 窨井, manhole' },
  { area: '城乡建设', name: '垃圾清运不及时', group: '环境卫生', keywords: '垃圾, 清运, rubbish' },
  { area: '环境保护', name: '噪音扰民', group: '环境卫生', keywords: '噪声, 扰民, noise' },
  { area: '水电气暖', name: '停水', keywords: '停水, 供水, water' },
  { area: '水电气暖', name: '停电', keywords: '停电, 供电, power' },
  { area: '水电气暖', name: '供暖不热', keywords: '暖气, 供热, heating' },
  { area: '便民服务', name: '挪车', keywords: '挪车, 堵车, 占道, vehicle', attributes: [PLATE, BLOCKING] },
];

/**
 * Publishes the demo city's Open311 services, once: a leaf whose Open311 settings were ever saved (by the
 * demo or by an administrator) is left as it stands. Answers how many were published now.
 */
export async function publishDemoServices(ctx: AppContext): Promise<number> {
  const leaves = await findServiceSettings(ctx.db);
  const now = ctx.clock.now();
  let published = 0;
  for (const service of DEMO_SERVICES) {
    const leaf = leaves.find((l) => l.areaName === service.area && l.name === service.name);
    if (!leaf || leaf.updatedAt !== null) continue;
    await ctx.db.transaction(async (tx) => {
      await updateCategory(
        tx,
        leaf.categoryId,
        { published: true, serviceGroup: service.group ?? null },
        now,
      );
      await upsertServiceDefinition(tx, {
        categoryId: leaf.categoryId,
        description: null,
        keywords: service.keywords ?? null,
        attributes: service.attributes ?? [],
        updatedAt: now,
      });
    });
    published++;
  }
  return published;
}
