import { TIME_LIMIT_PROFILES, type TimeLimitProfileId } from '@shanzhi/shared';
import { MERCHANT_ACCOUNTS_ORG } from '../../marketplace/merchant-accounts-org.js';
import type { CatalogLeafSettings } from './catalog-node.js';

/** Where a leaf sits: its area (大类), subcategory (中类) and its own name (小类). */
export interface CatalogPath {
  area: string;
  subcategory: string;
  leaf: string;
}

/** A mapping rule: matches when every pattern it gives matches; the first matching rule wins. */
interface PathRule<T> {
  area?: RegExp;
  subcategory?: RegExp;
  leaf?: RegExp;
  value: T;
}

/** Unit when no rule and no area default knows better: the city centre, whose dispatchers decide. */
export const FALLBACK_UNIT_CODE = 'center.city';

/**
 * Rules from a matter's path to its default handling unit, most specific first: a leaf's own name beats its
 * subcategory, which beats the area's default. Names follow both the teddy tree and the demo catalog.
 */
export const UNIT_RULES: readonly PathRule<string>[] = [
  // A matter's own name, wherever the source filed it.
  { leaf: /住房公积金/, value: 'unit.fund' },
  { leaf: /医疗保险|合作医疗|生育保险|医保|医疗救助/, value: 'unit.medical-insurance' },
  { leaf: /燃气|煤气|天然气/, value: 'unit.gas' },
  { leaf: /电力供应|供电|停电/, value: 'unit.power' },
  { leaf: /自来水|供水|停水/, value: 'unit.water-supply' },
  { leaf: /采暖|供暖|供热|暖气/, value: 'unit.heating' },
  { leaf: /公共汽车|公交/, value: 'unit.bus' },
  { leaf: /小区管理|物业/, value: 'unit.housing' },
  { leaf: /违章建筑|违法建设|私搭乱建|占道/, value: 'unit.urban' },
  { leaf: /食品|药品|药店|保健品|化妆品|电梯|特种设备/, value: 'unit.market' },
  { leaf: /消防|地震|救灾管理/, value: 'unit.emergency' },
  { leaf: /劳动仲裁|人事仲裁/, value: 'unit.hrss' },
  { leaf: /交通事故/, value: 'unit.police' },
  { leaf: /妇联|家庭暴力/, value: 'unit.women' },
  { leaf: /广播影视|出版管理|新闻管理/, value: 'unit.culture' },
  { leaf: /税收/, value: 'unit.tax' },
  { leaf: /残疾/, value: 'unit.federation-disabled' },
  // The subcategory.
  { subcategory: /安全生产/, value: 'unit.emergency' },
  { subcategory: /城乡规划|土地征收|集体土地|土地资源|矿产/, value: 'unit.natural' },
  { subcategory: /住房|房地产|房屋征收|物业|建筑市场|工程质量|村镇建设/, value: 'unit.housing' },
  { subcategory: /市政|城市管理|城管|市容|环卫|园林/, value: 'unit.urban' },
  { subcategory: /旅游|文化|体育|文物/, value: 'unit.culture' },
  { subcategory: /市场监管|质监|消费|价格|物价|知识产权|食品药品/, value: 'unit.market' },
  { subcategory: /商业贸易|商务|商贸/, value: 'unit.commerce' },
  { subcategory: /复退安置|优抚|退役/, value: 'unit.veterans' },
  { subcategory: /户籍|交通管理|警务|社会治安|刑案/, value: 'unit.police' },
  { subcategory: /法律服务|法制|行政复议|诉讼|刑罚执行|仲裁与调解/, value: 'unit.justice' },
  { subcategory: /草原|林业|野生/, value: 'unit.forestry' },
  { subcategory: /水利|水库/, value: 'unit.water' },
  { subcategory: /保险证券|国资|金融财税/, value: 'unit.finance' },
  { subcategory: /宏观调控|能源/, value: 'unit.development' },
  { subcategory: /企业破产|科学技术/, value: 'unit.industry' },
  { subcategory: /信息化/, value: 'unit.data' },
  { subcategory: /电信|通信/, value: 'unit.telecom' },
  { subcategory: /医疗保险|医保/, value: 'unit.medical-insurance' },
];

/** The unit an area's matters go to when no finer rule applies. */
export const AREA_UNITS: Readonly<Record<string, string>> = {
  城乡建设: 'unit.housing',
  环境保护: 'unit.ecology',
  交通运输: 'unit.transport',
  劳动和社会保障: 'unit.hrss',
  教育文体: 'unit.education',
  卫生计生: 'unit.health',
  商贸旅游: 'unit.commerce',
  农村农业: 'unit.agriculture',
  国土资源: 'unit.natural',
  民政: 'unit.civil',
  政法: 'unit.justice',
  经济管理: 'unit.development',
  科技与信息产业: 'unit.industry',
  社会治安: 'unit.police',
  水电气暖: 'unit.water-supply',
  便民服务: MERCHANT_ACCOUNTS_ORG.code,
  // 党务政务 and 纪检监察 have no functional unit of their own on the platform: the centre forwards them.
  党务政务: FALLBACK_UNIT_CODE,
  纪检监察: FALLBACK_UNIT_CODE,
};

/** Matters that belong to 110: crime, public order, traffic accidents, group incidents (DOMAIN.md §5). */
const POLICE_LEAF =
  /交通事故|肇事逃逸|打黑除恶|集会游行|邪教|黄赌毒|恐怖活动|拐卖|治安案件|走私贩私|打架|斗殴|盗窃|抢劫|诈骗|聚众/;

/** Rules from a path to its time-limit profile; police matters are emergencies before any of these. */
export const PROFILE_RULES: readonly PathRule<TimeLimitProfileId>[] = [
  // Harm to people or property is imminent: the unit must be on its way within the hour.
  { leaf: /事故处理|突发公共卫生事件|泄漏|(电梯|故障)困人|井盖缺失|断落|爆裂/, value: 'emergency' },
  { leaf: /停水|停电|停气|停暖|供暖不热/, value: 'utility_outage' },
  // A question of policy or procedure is answered, not handled.
  { leaf: /政策$|咨询|查询|指南|标准$/, value: 'consultation' },
  // Land, demolition and disputes need surveys, hearings or several units.
  {
    leaf: /纠纷|争议|安置补偿|回迁房|拆迁|(?<!知识)产权|房产证|拖欠工程款|历史名城|骗购|失地农民|棚户区/,
    value: 'complex',
  },
  { subcategory: /房屋征收|房屋拆迁|土地征收/, value: 'complex' },
  { area: /纪检监察/, value: 'complex' },
];

function matches<T>(rule: PathRule<T>, path: CatalogPath): boolean {
  return (
    (rule.area?.test(path.area) ?? true) &&
    (rule.subcategory?.test(path.subcategory) ?? true) &&
    (rule.leaf?.test(path.leaf) ?? true)
  );
}

/** The default handling unit of a matter: first matching rule, else the area's unit, else the centre. */
export function mapDefaultUnit(path: CatalogPath): string {
  const rule = UNIT_RULES.find((r) => matches(r, path));
  return rule?.value ?? AREA_UNITS[path.area] ?? FALLBACK_UNIT_CODE;
}

/** Whether a matter belongs to 110 (两线联动). */
export function mapPolice(path: CatalogPath): boolean {
  return path.area === '社会治安' || POLICE_LEAF.test(path.leaf);
}

/** The time-limit profile of a matter: emergency for police matters, else the first rule, else normal. */
export function mapTimeLimitProfile(path: CatalogPath): TimeLimitProfileId {
  if (mapPolice(path)) return 'emergency';
  return PROFILE_RULES.find((r) => matches(r, path))?.value ?? 'normal';
}

/** What a source may fix by hand instead of leaving it to the rules. */
export interface LeafOverrides {
  unit?: string;
  profile?: TimeLimitProfileId;
  police?: boolean;
}

/** A leaf's settings from its path, with a source's own choices taking precedence over the rules. */
export function settleLeaf(path: CatalogPath, overrides: LeafOverrides = {}): CatalogLeafSettings {
  const police = overrides.police ?? mapPolice(path);
  const profileId = overrides.profile ?? (police ? 'emergency' : mapTimeLimitProfile(path));
  const profile = TIME_LIMIT_PROFILES[profileId];
  return {
    defaultUnitCode: overrides.unit ?? mapDefaultUnit(path),
    priority: profile.priority,
    acceptLimit: { ...profile.acceptLimit },
    resolveLimit: { ...profile.resolveLimit },
    police,
  };
}
