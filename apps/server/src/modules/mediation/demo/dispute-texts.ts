import type { DisputeField } from '@shanzhi/shared';
import type { DemoRandom } from '../../demo/demo-random.js';

/** What a demo dispute of a field is about: its title, the respondent when he is an organisation, its words. */
export interface DisputeMatter {
  title: string;
  /** the respondent's kind of organisation (a property company, an employer …), if he is not a person */
  organisation?: readonly string[];
  /** the facts, with `{a}` the applicant and `{b}` the respondent */
  facts: string;
  claims: string;
  /** what the parties agree, in terms of the agreement */
  terms: readonly { content: string; how: string }[];
}

/** The matters of a year of disputes, by field (an unlisted field is 其他纠纷). */
export const MATTERS: Partial<Record<DisputeField, DisputeMatter>> = {
  neighbour: {
    title: '邻里漏水纠纷',
    facts: '{b}家卫生间漏水，渗至楼下{a}家天花板，双方就维修和赔偿协商未果。',
    claims: '请求{b}修复防水并赔偿粉刷费用',
    terms: [
      { content: '{b}于七日内请人修复卫生间防水', how: '自行施工，{a}配合入户' },
      { content: '{b}赔偿{a}天花板粉刷费用 1,200 元', how: '当面现金支付' },
    ],
  },
  family: {
    title: '赡养老人纠纷',
    facts: '{a}年事已高，与其子{b}就每月赡养费和看护安排发生争执。',
    claims: '请求{b}按月支付赡养费并轮流照料',
    terms: [
      { content: '{b}每月 5 日前支付{a}赡养费 800 元', how: '银行转账' },
      { content: '子女每月轮流陪护{a}一周', how: '按轮值表执行' },
    ],
  },
  property: {
    title: '物业费纠纷',
    organisation: ['物业服务有限公司', '物业管理有限公司'],
    facts: '{a}以电梯长期停运为由拒交物业费，{b}多次催缴，双方发生争执。',
    claims: '请求{b}修复电梯后再协商物业费',
    terms: [
      { content: '{b}于十五日内修复电梯并公示维修情况', how: '物业公司组织维修' },
      { content: '{a}于电梯修复后补交物业费，减免两个月', how: '到物业服务中心缴纳' },
    ],
  },
  debt: {
    title: '民间借贷纠纷',
    facts: '{b}向{a}借款 30,000 元，约定一年内归还，到期后未还。',
    claims: '请求{b}归还借款本金',
    terms: [{ content: '{b}分三期归还{a}借款 30,000 元，每期 10,000 元', how: '银行转账' }],
  },
  land: {
    title: '宅基地边界纠纷',
    facts: '{a}与{b}两家宅基地相邻，{b}翻建院墙时越过原界址约半米。',
    claims: '请求{b}按原界址退回院墙',
    terms: [{ content: '以村委会丈量的原界址为准，{b}于一个月内后移院墙', how: '村委会现场监督' }],
  },
  labour: {
    title: '拖欠工资纠纷',
    organisation: ['建筑工程有限公司', '商贸有限公司'],
    facts: '{a}在{b}务工四个月，尚有 9,600 元工资未结清。',
    claims: '请求{b}结清拖欠工资',
    terms: [{ content: '{b}于十日内支付{a}工资 9,600 元', how: '银行转账至{a}本人账户' }],
  },
  traffic: {
    title: '交通事故赔偿纠纷',
    facts: '{b}驾车与{a}的电动车发生刮擦，{a}受轻伤，交警认定{b}负主要责任。',
    claims: '请求{b}赔偿医疗费、误工费和车辆维修费',
    terms: [{ content: '{b}一次性赔偿{a}医疗费、误工费及修车费共计 6,500 元', how: '当场支付' }],
  },
  damage: {
    title: '财产损害赔偿纠纷',
    facts: '{b}装修时损坏了{a}停放在楼下的车辆，双方就赔偿数额争执不下。',
    claims: '请求{b}赔偿车辆修理费',
    terms: [{ content: '{b}赔偿{a}车辆修理费 2,800 元', how: '微信转账' }],
  },
  contract: {
    title: '装修合同纠纷',
    facts: '{a}委托{b}装修住房，完工后墙面开裂，{b}拒绝返修。',
    claims: '请求{b}返修并退还部分工程款',
    terms: [
      { content: '{b}于二十日内返修开裂墙面', how: '自行返修，{a}验收' },
      { content: '{b}退还{a}工程款 3,000 元', how: '银行转账' },
    ],
  },
  consumer: {
    title: '消费纠纷',
    organisation: ['家电商行', '商贸有限公司'],
    facts: '{a}在{b}购买的冰箱一周内出现故障，要求退货遭拒。',
    claims: '请求{b}退货退款',
    terms: [{ content: '{b}为{a}更换同型号新冰箱', how: '上门更换' }],
  },
  marriage: {
    title: '离婚财产纠纷',
    facts: '{a}与{b}协议离婚，就共同购买的住房和存款分割意见不一。',
    claims: '请求依法分割夫妻共同财产',
    terms: [{ content: '住房归{a}所有，{a}补偿{b}房屋折价款 150,000 元', how: '分两期银行转账' }],
  },
  medical: {
    title: '医疗纠纷',
    organisation: ['社区卫生服务中心', '诊所'],
    facts: '{a}在{b}输液后出现过敏反应住院治疗，认为{b}未尽告知义务。',
    claims: '请求{b}赔偿医疗费和误工费',
    terms: [{ content: '{b}补偿{a}医疗费及误工费 4,000 元', how: '银行转账' }],
  },
};

/** The matter of a field not listed: a dispute in general. */
export const OTHER_MATTER: DisputeMatter = {
  title: '其他纠纷',
  facts: '{a}与{b}因琐事发生争执，经多次协商未果。',
  claims: '请求调解委员会主持调解',
  terms: [{ content: '{b}向{a}赔礼道歉，双方互谅互让', how: '当面履行' }],
};

/** `text` with the parties' names put in. */
export function fillNames(text: string, a: string, b: string): string {
  return text.replaceAll('{a}', a).replaceAll('{b}', b);
}

/** 调解笔录 of a session: what was heard and where it stands, `{a}`/`{b}` the parties. */
const MINUTES = {
  first: [
    '调解员告知双方权利义务，分别听取{a}和{b}的陈述，核实争议事实，双方同意继续调解。',
    '双方到场，{a}陈述诉求，{b}说明情况；调解员释法说理，建议双方各退一步，约定再次调解。',
    '调解员背对背分别做{a}、{b}的工作，双方分歧有所缩小。',
  ],
  agreed: [
    '经调解员释法说理，{a}与{b}互谅互让，就争议事项达成一致意见，同意签订调解协议。',
    '双方再次到场，对赔偿数额和履行方式达成一致，当场确认调解协议内容。',
  ],
  failed: [
    '经反复调解，{a}与{b}对赔偿数额分歧过大，均不愿让步，调解未能达成一致。',
    '{b}坚持原有意见，拒绝{a}的诉求，双方无法达成协议。',
  ],
};

/** The minutes of a session of a dispute between `a` and `b`: the first of several, or the last, agreed or not. */
export function drawMinutes(random: DemoRandom, stage: keyof typeof MINUTES, a: string, b: string): string {
  return fillNames(random.pick(MINUTES[stage]), a, b);
}

/** Why mediation failed, why it went up, what the parties were told of the courts. */
export const REASONS = {
  fail: ['双方分歧较大，经多次调解未能达成协议', '被申请人不接受调解方案，调解终结'],
  escalate: [
    '村（社区）调委会调解不成，申请人请求上级调委会继续调解',
    '争议金额较大，报请镇（街道）调委会调解',
  ],
  litigation: ['已告知当事人可依法向人民法院提起诉讼', '调解不成，已引导当事人通过诉讼解决'],
  arbitration: ['已告知当事人可向劳动人事争议仲裁委员会申请仲裁'],
  consent: ['被申请人同意调解', '被申请人电话表示同意调解'],
  performance: ['回访：双方已按协议履行完毕', '回访：协议款项已全部给付，双方无异议'],
  close: ['卷宗整理完毕，结案归档', '调解终结，卷宗归档'],
};
