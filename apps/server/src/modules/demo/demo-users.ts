import type { Role } from '@shanzhi/shared';
import { MERCHANT_ACCOUNTS_ORG } from '../marketplace/merchant-accounts-org.js';

/** A demo account: one per role, plus a district dispatcher and a handler in another district (data scope). */
export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  /** code of the user's org; `firstGridOf:<district>` / `firstTownOf:<district>` pick one from the demo city */
  org: string;
  phone: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], org: '150300', phone: '13904730001' },
  {
    username: 'agent',
    displayName: '刘晓敏（12345坐席）',
    roles: ['agent'],
    org: 'center.12345',
    phone: '13904730002',
  },
  {
    username: 'dispatcher',
    displayName: '王建军（市派单员）',
    roles: ['dispatcher'],
    org: 'center.city',
    phone: '13904730003',
  },
  {
    username: 'handler',
    displayName: '赵立新（市住建局）',
    roles: ['handler'],
    org: 'unit.housing',
    phone: '13904730004',
  },
  {
    username: 'grid',
    displayName: '孙丽娟（网格员）',
    roles: ['grid_worker'],
    org: 'firstGridOf:150302',
    phone: '13904730005',
  },
  {
    username: 'mediator',
    displayName: '周文华（调解员）',
    roles: ['mediator'],
    org: 'center.mediation',
    phone: '13904730006',
  },
  {
    username: 'petition',
    displayName: '高志勇（公安信访代办员）',
    roles: ['petition_agent'],
    org: 'unit.police',
    phone: '13904730013',
  },
  {
    username: 'supervisor',
    displayName: '吴志刚（督办员）',
    roles: ['supervisor'],
    org: 'center.city',
    phone: '13904730007',
  },
  {
    username: 'leader',
    displayName: '郑国强（市领导）',
    roles: ['leader'],
    org: '150300',
    phone: '13904730008',
  },
  {
    username: 'merchant',
    displayName: '便民家政服务部',
    roles: ['merchant'],
    org: MERCHANT_ACCOUNTS_ORG.code,
    phone: '13904730009',
  },
  {
    username: 'enterprise',
    displayName: '企业安全负责人（演示）',
    roles: ['enterprise'],
    org: 'enterprise.demo',
    phone: '13904730019',
  },
  { username: 'citizen', displayName: '陈女士', roles: ['citizen'], org: '150300', phone: '13904730010' },
  {
    username: 'dispatcher_hbw',
    displayName: '李娜（海勃湾区派单员）',
    roles: ['dispatcher'],
    org: 'center.150302',
    phone: '13904730011',
  },
  {
    username: 'handler_wd',
    displayName: '马俊（乌达区街道承办人）',
    roles: ['handler'],
    org: 'firstTownOf:150304',
    phone: '13904730012',
  },
];
