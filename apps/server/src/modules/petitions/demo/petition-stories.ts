import type { CreatePetitionInput } from '@shanzhi/shared';

/** One step of a demo petition: the action, how many days ago, and its input beside the version. */
export interface PetitionStep {
  action: string;
  daysAgo: number;
  input: Record<string, unknown>;
}

/** A demo petition: what was registered how many days ago, and what happened to it since. */
export interface PetitionStory {
  daysAgo: number;
  petition: CreatePetitionInput;
  steps: PetitionStep[];
}

const HAN = {
  name: '韩德胜',
  idNumber: '150302194805120019',
  phone: '13947312345',
  address: '海勃湾区千里山镇',
};
const LIU = { name: '刘桂兰', idNumber: '150302195203040024', phone: '13947354321' };
const ZHAO = { name: '赵永福', idNumber: '150303196507150039', phone: '13904731122' };
const WANG = { name: '王淑珍', idNumber: '150304197011230044', phone: '13904732233' };

const PARKING = '小区物业擅自将停车费由每月 100 元提高到 200 元，未经业主大会同意';

/**
 * The stories: the seeds' elderly resident at the night market (燃气改造费, 委托, verified with the gas
 * company the next morning, answered, closed, visited back satisfied), and petitions in every other state.
 */
export const PETITION_STORIES: readonly PetitionStory[] = [
  {
    daysAgo: 45,
    petition: {
      mode: 'entrusted',
      matter: '夜市上向民警反映：小区燃气改造每户收取 2600 元，怀疑是诈骗，请代为核实',
      responsibleBody: '乌海市燃气公司',
      petitioners: [HAN],
    },
    steps: [
      { action: 'accept', daysAgo: 45, input: { note: '当场受理并告知' } },
      {
        action: 'verify',
        daysAgo: 44,
        input: { body: '乌海市燃气公司', findings: '燃气公司确认改造费系统一收取，收费标准经物价部门核准' },
      },
      {
        action: 'answer',
        daysAgo: 44,
        input: { answer: '经核实，燃气改造收费合规，并非诈骗，已说明收费依据' },
      },
      { action: 'feedback', daysAgo: 44, input: { note: '民警当面向信访人反馈核实结果' } },
      { action: 'close', daysAgo: 40, input: { resolved: true } },
      { action: 'visit_back', daysAgo: 38, input: { satisfaction: 'satisfied', note: '信访人表示满意' } },
    ],
  },
  {
    daysAgo: 25,
    petition: {
      mode: 'designated',
      matter: '棚户区改造拆迁补偿款迟迟未发放到户',
      responsibleBody: '海勃湾区住建局',
      petitioners: [ZHAO],
    },
    steps: [
      { action: 'accept', daysAgo: 24, input: {} },
      {
        action: 'verify',
        daysAgo: 20,
        input: { body: '海勃湾区住建局', findings: '补偿款已拨付至街道，因名册核对尚未发放' },
      },
      {
        action: 'contact',
        daysAgo: 10,
        input: { party: '赵永福', channel: 'phone', note: '电话告知办理进度' },
      },
    ],
  },
  {
    daysAgo: 80,
    petition: {
      mode: 'proactive',
      matter: PARKING,
      responsibleBody: '海勃湾区房产服务中心',
      petitioners: [WANG],
    },
    steps: [
      { action: 'accept', daysAgo: 79, input: {} },
      { action: 'answer', daysAgo: 60, input: { answer: '物业调价未履行程序，已责令恢复原收费标准' } },
      { action: 'request_review', daysAgo: 50, input: { reason: '物业仍按新标准收费' } },
      { action: 'review', daysAgo: 30, input: { answer: '维持原处理意见，并督促物业退还多收费用' } },
    ],
  },
  {
    daysAgo: 13,
    petition: { mode: 'proactive', matter: `${PARKING}！`, petitioners: [WANG] },
    steps: [],
  },
  {
    daysAgo: 17,
    petition: { mode: 'entrusted', matter: '楼上住户夜间噪音扰民，多次协调无果', petitioners: [LIU] },
    steps: [],
  },
  {
    daysAgo: 12,
    petition: {
      mode: 'proactive',
      matter: '要求撤销已生效的民事判决，重新审理房屋买卖纠纷',
      petitioners: [ZHAO],
    },
    steps: [
      {
        action: 'refuse',
        daysAgo: 11,
        input: { reason: '属于诉讼途径解决的事项，已告知向人民法院申请再审' },
      },
      { action: 'feedback', daysAgo: 11, input: { note: '书面告知信访人不予受理及理由' } },
    ],
  },
];
