import {
  CREDIT_CODE_CHARSET,
  completeCreditCode,
  type OrganisationKind,
  type OrganisationTag,
} from '@shanzhi/shared';
import { drawMobileNumber, drawPersonName } from '../demo-city.names.js';
import type { DemoRandom } from '../demo-random.js';

/** A synthetic organisation of a grid (单位/组织/场所), its contact's phone in clear until sealed. */
export interface DemoOrganisation {
  name: string;
  kind: OrganisationKind;
  creditCode: string;
  address: string;
  contactName: string;
  contactPhone: string;
  employees: number;
  tags: OrganisationTag[];
}

/** What a grid's organisations are like: small trades in town, a clinic or a school now and then. */
const TRADES: readonly {
  suffix: string;
  kind: OrganisationKind;
  /** 登记管理部门代码 + 机构类别代码 of its credit code */
  prefix: string;
  employees: [number, number];
  tags: OrganisationTag[];
}[] = [
  { suffix: '便利店', kind: 'individual_business', prefix: '92', employees: [1, 4], tags: ['nine_small'] },
  {
    suffix: '餐馆',
    kind: 'individual_business',
    prefix: '92',
    employees: [2, 10],
    tags: ['nine_small', 'food'],
  },
  { suffix: '理发店', kind: 'individual_business', prefix: '92', employees: [1, 5], tags: ['nine_small'] },
  { suffix: '药店', kind: 'enterprise', prefix: '91', employees: [2, 8], tags: [] },
  {
    suffix: '五金建材店',
    kind: 'individual_business',
    prefix: '92',
    employees: [1, 4],
    tags: ['nine_small'],
  },
  { suffix: '物业服务有限公司', kind: 'enterprise', prefix: '91', employees: [8, 40], tags: [] },
  { suffix: '幼儿园', kind: 'public_institution', prefix: '12', employees: [10, 30], tags: ['crowded'] },
  { suffix: '社区卫生服务站', kind: 'public_institution', prefix: '12', employees: [5, 20], tags: [] },
  { suffix: '老年协会', kind: 'social_organisation', prefix: '52', employees: [0, 3], tags: [] },
  { suffix: 'KTV', kind: 'venue', prefix: '91', employees: [5, 20], tags: ['entertainment', 'crowded'] },
  { suffix: '加油站', kind: 'enterprise', prefix: '91', employees: [6, 15], tags: ['hazardous_chemicals'] },
  { suffix: '房屋中介', kind: 'enterprise', prefix: '91', employees: [2, 8], tags: ['rental_agency'] },
];

/** A 统一社会信用代码 (GB 32100-2015) of `prefix`, registered in `area`, unique in `used`. */
function drawCreditCode(random: DemoRandom, used: Set<string>, prefix: string, area: string): string {
  for (;;) {
    let first17 = `${prefix}${area}`;
    while (first17.length < 17) first17 += CREDIT_CODE_CHARSET[random.int(0, 30)];
    const code = completeCreditCode(first17);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** The organisations of one grid: a few in a town's grids, fewer in a village's. */
export function drawGridOrganisations(
  random: DemoRandom,
  grid: { communityName: string; districtCode: string; address: string },
  used: { creditCodes: Set<string>; phones: Set<string> },
): DemoOrganisation[] {
  const rural = grid.communityName.endsWith('村');
  const count = rural ? random.int(0, 1) : random.int(1, 3);
  const stem = grid.communityName.replace(/(社区|村)$/, '');
  const organisations: DemoOrganisation[] = [];
  const names = new Set<string>();
  while (organisations.length < count) {
    const trade = random.pick(TRADES);
    const name = `${stem}${trade.suffix}`;
    if (names.has(name)) continue;
    names.add(name);
    organisations.push({
      name,
      kind: trade.kind,
      creditCode: drawCreditCode(random, used.creditCodes, trade.prefix, grid.districtCode),
      address: `${grid.address}底商${random.int(1, 30)}号`,
      contactName: drawPersonName(random),
      contactPhone: drawMobileNumber(random, used.phones),
      employees: random.int(...trade.employees),
      tags: [...trade.tags],
    });
  }
  return organisations;
}
