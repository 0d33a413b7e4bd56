import { MERCHANT_ACCOUNTS_ORG } from '../marketplace/merchant-accounts-org.js';

/**
 * Wuhai's functional units and social-governance centres, named as they really are. Units sit under the
 * city (city bureaus, utilities, companies) or under a district (district centres). The code is the
 * platform's own stable identifier for the unit; the catalog refers to default handling units by it.
 */
export interface DemoUnit {
  /** stable code, referenced by the catalog's default handling unit */
  code: string;
  name: string;
  kind: 'unit' | 'center';
  /** code of the parent org: the city `150300` or a district */
  parentCode: string;
  /** what sort of unit: a government bureau, a public utility, a company, a centre */
  sort: 'bureau' | 'utility' | 'company' | 'center';
}

const bureau = (code: string, name: string): DemoUnit => ({
  code,
  name,
  kind: 'unit',
  parentCode: '150300',
  sort: 'bureau',
});
const utility = (code: string, name: string): DemoUnit => ({
  code,
  name,
  kind: 'unit',
  parentCode: '150300',
  sort: 'utility',
});

export const WUHAI_UNITS: readonly DemoUnit[] = [
  {
    code: 'center.city',
    name: '乌海市市域社会治理中心',
    kind: 'center',
    parentCode: '150300',
    sort: 'center',
  },
  {
    code: 'center.12345',
    name: '乌海市12345政务服务便民热线中心',
    kind: 'center',
    parentCode: '150300',
    sort: 'center',
  },
  {
    code: 'center.mediation',
    name: '乌海市矛盾纠纷调处化解中心',
    kind: 'center',
    parentCode: '150300',
    sort: 'center',
  },
  {
    code: 'center.150302',
    name: '海勃湾区社会治理中心',
    kind: 'center',
    parentCode: '150302',
    sort: 'center',
  },
  { code: 'center.150303', name: '海南区社会治理中心', kind: 'center', parentCode: '150303', sort: 'center' },
  { code: 'center.150304', name: '乌达区社会治理中心', kind: 'center', parentCode: '150304', sort: 'center' },
  bureau('unit.housing', '乌海市住房和城乡建设局'),
  bureau('unit.urban', '乌海市城市管理综合行政执法局'),
  bureau('unit.transport', '乌海市交通运输局'),
  bureau('unit.civil', '乌海市民政局'),
  bureau('unit.health', '乌海市卫生健康委员会'),
  bureau('unit.education', '乌海市教育局'),
  bureau('unit.hrss', '乌海市人力资源和社会保障局'),
  bureau('unit.ecology', '乌海市生态环境局'),
  bureau('unit.market', '乌海市市场监督管理局'),
  bureau('unit.water', '乌海市水务局'),
  bureau('unit.emergency', '乌海市应急管理局'),
  bureau('unit.police', '乌海市公安局'),
  bureau('unit.natural', '乌海市自然资源局'),
  bureau('unit.culture', '乌海市文化旅游体育局'),
  bureau('unit.commerce', '乌海市商务局'),
  bureau('unit.agriculture', '乌海市农牧局'),
  bureau('unit.forestry', '乌海市林业和草原局'),
  bureau('unit.medical-insurance', '乌海市医疗保障局'),
  bureau('unit.justice', '乌海市司法局'),
  bureau('unit.veterans', '乌海市退役军人事务局'),
  bureau('unit.finance', '乌海市财政局'),
  bureau('unit.tax', '国家税务总局乌海市税务局'),
  bureau('unit.development', '乌海市发展和改革委员会'),
  bureau('unit.industry', '乌海市工业和信息化局'),
  bureau('unit.statistics', '乌海市统计局'),
  bureau('unit.letters', '乌海市信访局'),
  bureau('unit.data', '乌海市大数据中心'),
  bureau('unit.fund', '乌海市住房公积金管理中心'),
  bureau('unit.federation-disabled', '乌海市残疾人联合会'),
  bureau('unit.women', '乌海市妇女联合会'),
  utility('unit.water-supply', '乌海市供排水公司'),
  utility('unit.power', '内蒙古电力（集团）有限责任公司乌海供电分公司'),
  utility('unit.gas', '乌海市燃气公司'),
  utility('unit.heating', '乌海市热力公司'),
  utility('unit.telecom', '中国电信乌海分公司'),
  utility('unit.mobile', '中国移动乌海分公司'),
  utility('unit.bus', '乌海市公共交通公司'),
  // the merchants' accounts' own org, which every installation has (migration 0044, the first start)
  {
    ...MERCHANT_ACCOUNTS_ORG,
    kind: 'unit',
    parentCode: '150300',
    sort: 'company',
  },
  // the enterprise accounts' own org: its subtree holds nothing, the account reaches its enterprise alone
  {
    code: 'enterprise.demo',
    name: '乌海市安全生产企业用户（演示）',
    kind: 'unit',
    parentCode: '150300',
    sort: 'company',
  },
];
