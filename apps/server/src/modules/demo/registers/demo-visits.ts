import type { ResidentFlag, VisitPurpose } from '@shanzhi/shared';
import { DAY_MS } from '@shanzhi/shared';
import type { DemoRandom } from '../demo-random.js';

/** A registered household as its visits are planned: who lives there and what they need. */
export interface VisitedHousehold {
  houseId: number;
  vacant: boolean;
  /** the head's resident id, if anyone lives there */
  headId: number | null;
  /** every group any member belongs to */
  flags: readonly ResidentFlag[];
}

/** A visit of the demo year. */
export interface DemoVisit {
  houseId: number;
  visitedAt: Date;
  purpose: VisitPurpose;
  met: string | null;
  metResidentIds: number[];
  note: string;
  needs: { description: string; findingId: null }[];
}

/**
 * How often a grid worker calls on a household, on average, in days: the households he looks after (关爱对象)
 * and keeps an eye on (社区矫正 … are to be seen monthly) every three weeks, the others every six, an empty
 * house now and then. With Wuhai's 786 grids this gives the year the city reported: 60,000+ visits.
 */
const MEAN_INTERVAL_DAYS = { cared: 23, other: 49, vacant: 140 };
/** Nobody is called on twice within a week. */
const MIN_INTERVAL_DAYS = 7;

const NOTES: Record<VisitPurpose, readonly string[]> = {
  routine: [
    '走访了解家庭近况，无特殊需求',
    '户主反映小区环境良好，对社区工作满意',
    '了解家庭成员就业和子女上学情况',
    '宣传垃圾分类知识，发放宣传册',
    '了解住户对物业服务的意见，已记录反馈',
  ],
  care: [
    '看望老人，身体状况良好，提醒按时服药',
    '为老人测量血压，叮嘱天冷注意保暖',
    '了解低保待遇发放情况，已按时到账',
    '协助预约家庭医生上门随访',
    '帮助老人清理家中杂物，检查水电安全',
  ],
  policy: ['宣传城乡居民医保缴费政策', '宣传防范电信网络诈骗知识', '讲解养老保险资格认证流程'],
  safety: [
    '检查燃气灶具及管道，未发现隐患',
    '提醒冬季取暖预防一氧化碳中毒',
    '检查楼道消防通道，已督促清理杂物',
  ],
  dispute: ['了解邻里关系，未发现矛盾纠纷', '楼上漏水引起邻里矛盾，经协调双方达成一致'],
  verification: [
    '核实家庭成员信息，已更新联系电话',
    '核实人户状态，信息无变化',
    '核对房屋居住情况，信息无误',
  ],
  other: ['陪同社区民警走访，了解治安情况'],
};

const NEEDS = [
  '希望楼道加装扶手',
  '反映小区路灯损坏',
  '咨询办理居住证手续',
  '希望社区组织老年人体检',
  '反映楼顶漏水，希望协调维修',
];

function purposeOf(random: DemoRandom, household: VisitedHousehold): VisitPurpose {
  if (household.vacant) return 'verification';
  const roll = random.next();
  if (household.flags.length > 0) {
    return roll < 0.6 ? 'care' : roll < 0.85 ? 'routine' : roll < 0.95 ? 'policy' : 'safety';
  }
  return roll < 0.55
    ? 'routine'
    : roll < 0.7
      ? 'verification'
      : roll < 0.85
        ? 'policy'
        : roll < 0.95
          ? 'safety'
          : 'dispute';
}

/** A working moment of the day on or after `at`: a weekday morning or afternoon, Beijing time. */
function workingMoment(random: DemoRandom, at: number): Date {
  let day = Math.floor((at + 8 * 3_600_000) / DAY_MS);
  // 1970-01-01 was a Thursday: day 2 and 3 of each week are Saturday and Sunday
  while ((day + 4) % 7 === 6 || (day + 4) % 7 === 0) day++;
  const minutes =
    random.next() < 0.55 ? random.int(9 * 60, 11 * 60 + 30) : random.int(14 * 60 + 30, 17 * 60 + 30);
  return new Date(day * DAY_MS - 8 * 3_600_000 + minutes * 60_000);
}

/**
 * A household's visits over the year up to `end`: calls spaced by the household's rhythm (at least a week
 * apart, at random beyond it), each on a working day, with what the worker noted and, now and then, a need.
 */
export function drawHouseholdVisits(random: DemoRandom, household: VisitedHousehold, end: Date): DemoVisit[] {
  const mean = household.vacant
    ? MEAN_INTERVAL_DAYS.vacant
    : household.flags.length > 0
      ? MEAN_INTERVAL_DAYS.cared
      : MEAN_INTERVAL_DAYS.other;
  const gap = () => (MIN_INTERVAL_DAYS - Math.log(1 - random.next()) * (mean - MIN_INTERVAL_DAYS)) * DAY_MS;
  const visits: DemoVisit[] = [];
  for (let at = end.getTime() - 365 * DAY_MS + random.next() * mean * DAY_MS; ; at += gap()) {
    const visitedAt = workingMoment(random, at);
    if (visitedAt.getTime() > end.getTime()) break;
    const purpose = purposeOf(random, household);
    const home = !household.vacant && random.next() < 0.9;
    visits.push({
      houseId: household.houseId,
      visitedAt,
      purpose,
      met: household.vacant
        ? null
        : home
          ? random.pick(['户主本人', '户主及家人', '户主配偶'])
          : '家中无人，电话联系',
      metResidentIds: home && household.headId !== null ? [household.headId] : [],
      note: random.pick(NOTES[purpose]),
      needs: home && random.next() < 0.04 ? [{ description: random.pick(NEEDS), findingId: null }] : [],
    });
  }
  return visits;
}
