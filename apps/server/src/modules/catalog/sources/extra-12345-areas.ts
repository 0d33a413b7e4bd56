import { TIME_LIMIT_PROFILES, type TimeLimitProfileId } from '@shanzhi/shared';
import { MERCHANT_ACCOUNTS_ORG } from '../../marketplace/merchant-accounts-org.js';
import { type CatalogAreaSpec, type CatalogNode, numberCatalog } from './catalog-node.js';

/** A leaf written by hand: its unit, profile and 110 flag are chosen here, not by the mapping rules. */
interface ExtraLeaf {
  name: string;
  unit: string;
  profile: TimeLimitProfileId;
  police?: boolean;
}

interface ExtraArea {
  name: string;
  subcategories: { name: string; leaves: ExtraLeaf[] }[];
}

const water = (name: string, profile: TimeLimitProfileId = 'utility_outage'): ExtraLeaf => ({
  name,
  unit: 'unit.water-supply',
  profile,
});
const power = (name: string, profile: TimeLimitProfileId = 'utility_outage'): ExtraLeaf => ({
  name,
  unit: 'unit.power',
  profile,
});
const gas = (name: string, profile: TimeLimitProfileId = 'utility_outage'): ExtraLeaf => ({
  name,
  unit: 'unit.gas',
  profile,
});
const heat = (name: string, profile: TimeLimitProfileId = 'utility_outage'): ExtraLeaf => ({
  name,
  unit: 'unit.heating',
  profile,
});
const merchant = (name: string, profile: TimeLimitProfileId = 'normal'): ExtraLeaf => ({
  name,
  unit: MERCHANT_ACCOUNTS_ORG.code,
  profile,
});
const police = (name: string): ExtraLeaf => ({
  name,
  unit: 'unit.police',
  profile: 'emergency',
  police: true,
});

/**
 * The 12345 areas a message-board tree lacks: utility outages (水电气暖), convenience services (便民服务,
 * the marketplace's orders) and public order (社会治安, the matters 12345 passes to 110).
 */
export const EXTRA_12345_AREAS: readonly ExtraArea[] = [
  {
    name: '水电气暖',
    subcategories: [
      {
        name: '供水排水',
        leaves: [
          water('停水'),
          water('水压低'),
          water('水质浑浊有异味'),
          water('供水管道爆裂', 'emergency'),
          water('水表故障及水费', 'normal'),
        ],
      },
      {
        name: '供电',
        leaves: [
          power('停电'),
          power('电压不稳'),
          power('电线断落', 'emergency'),
          power('电表及电费', 'normal'),
        ],
      },
      {
        name: '燃气',
        // A gas leak is the gas company's emergency, not a police matter.
        leaves: [
          gas('燃气泄漏', 'emergency'),
          gas('停气'),
          gas('燃气表及缴费', 'normal'),
          gas('燃气安全检查', 'normal'),
        ],
      },
      {
        name: '供热',
        leaves: [heat('供暖不热'), heat('暖气漏水'), heat('停暖'), heat('采暖费咨询', 'consultation')],
      },
    ],
  },
  {
    name: '便民服务',
    subcategories: [
      {
        name: '生活服务',
        leaves: [
          merchant('挪车'),
          merchant('开锁'),
          merchant('疏通下水道'),
          merchant('家电维修'),
          merchant('家政保洁'),
        ],
      },
      {
        name: '出行服务',
        leaves: [merchant('代驾'), merchant('道路救援')],
      },
      {
        name: '便民咨询',
        leaves: [
          { name: '办事指南咨询', unit: 'center.12345', profile: 'consultation' },
          { name: '公共服务电话查询', unit: 'center.12345', profile: 'consultation' },
          merchant('便民服务商户查询', 'consultation'),
        ],
      },
    ],
  },
  {
    name: '社会治安',
    subcategories: [
      {
        name: '治安案件',
        leaves: [police('打架斗殴'), police('盗窃'), police('聚众滋事'), police('诈骗'), police('赌博吸毒')],
      },
      {
        name: '交通事故',
        leaves: [police('交通事故'), police('肇事逃逸'), police('酒驾醉驾')],
      },
      {
        name: '人身安全',
        leaves: [police('人员走失'), police('家庭暴力'), police('群体性事件')],
      },
    ],
  },
];

function toSpec(area: ExtraArea): CatalogAreaSpec {
  return {
    name: area.name,
    subcategories: area.subcategories.map((sub) => ({
      name: sub.name,
      leaves: sub.leaves.map((leaf) => {
        const profile = TIME_LIMIT_PROFILES[leaf.profile];
        return {
          name: leaf.name,
          settings: {
            defaultUnitCode: leaf.unit,
            priority: profile.priority,
            acceptLimit: { ...profile.acceptLimit },
            resolveLimit: { ...profile.resolveLimit },
            police: leaf.police ?? false,
          },
        };
      }),
    })),
  };
}

/** The extra areas as nodes, numbered from `firstArea` so they follow the areas of the main source. */
export function loadExtra12345Areas(firstArea: number): CatalogNode[] {
  return numberCatalog(EXTRA_12345_AREAS.map(toSpec), firstArea);
}
