import {
  legalDeadline,
  PETITION_LIFECYCLE,
  type PetitionAction,
  type PetitionClockDates,
  type PetitionerInput,
  type PetitionMode,
  type PetitionState,
  type PetitionTimeLimits,
  petitionMatterKey,
  petitionSlaClock,
  type Satisfaction,
} from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { drawMobileNumber, drawPersonName } from '../../demo/demo-city.names.js';
import type { DemoRandom } from '../../demo/demo-random.js';
import {
  chainTimeline,
  eventRows,
  headOf,
  insertAll,
  reserveIds,
} from '../../demo/grid-history/grid-history-writer.js';
import { LifecycleStory } from '../../demo/grid-history/lifecycle-story.js';
import type { StoryActor } from '../../demo/history/case-story.js';
import { drawIdNumber } from '../../demo/registers/demo-households.js';
import { byteaText } from '../../mediation/demo/mediation-history-writer.js';
import { petitionerValues } from '../petitioners.js';
import type { PetitionRow } from '../petitions.repository.js';
import { petitionEvents, petitionPetitioners, petitions } from '../petitions.tables.js';

const DAY = 86_400_000;

/** Where and by whom the year's petitions were taken in: the agency points and the agent recorded. */
export interface PetitionHistoryWorld {
  points: readonly { id: number; path: string }[];
  agent: { userId: number; name: string };
  limits: PetitionTimeLimits;
}

/** The matters people bring, with the body responsible (the seeds' kinds: fees, wages, housing, neighbours …). */
const MATTERS: readonly [string, string][] = [
  ['小区物业收费标准调整未经业主大会同意', '海勃湾区房产服务中心'],
  ['工地拖欠农民工工资至今未结清', '乌海市人力资源和社会保障局'],
  ['棚户区改造拆迁补偿款未按期发放', '海勃湾区住建局'],
  ['小区燃气改造收费是否合规，担心是诈骗', '乌海市燃气公司'],
  ['楼上住户装修改变承重结构，存在安全隐患', '乌海市住房和城乡建设局'],
  ['低保资格复核结果有异议', '乌海市民政局'],
  ['购买商品房逾期未办理不动产权证', '乌海市自然资源局'],
  ['企业排放异味影响周边居民生活', '乌海市生态环境局'],
  ['医保异地报销手续繁琐，报销款迟迟未到账', '乌海市医疗保障局'],
  ['土地承包经营权流转费用未按合同支付', '乌海市农牧局'],
];

const MODES: readonly PetitionMode[] = ['proactive', 'proactive', 'entrusted', 'entrusted', 'designated'];

/** One petition of the year as planned: who, what, where, when, and how it went. */
interface PlannedPetition {
  point: { id: number; path: string };
  mode: PetitionMode;
  petitioner: PetitionerInput;
  matter: [string, string];
  registeredAt: Date;
  /** how many petitions of the same person on the same matter came before, when it repeats one */
  repeatOf: { count: number } | null;
}

/** A year's petitions, a few of them repeating an earlier one of the same person on the same matter. */
function planPetitions(random: DemoRandom, world: PetitionHistoryWorld, n: number, now: Date) {
  const used = new Set<string>();
  const phones = new Set<string>();
  const plans: PlannedPetition[] = [];
  for (let i = 0; i < n; i++) {
    const earlier = i > 20 && random.next() < 0.04 ? plans[random.int(0, i - 10)]! : null;
    const registeredAt = new Date(now.getTime() - random.int(0, 364) * DAY - random.int(1, 10) * 3_600_000);
    if (earlier) {
      const count = plans.filter((p) => p.petitioner.idNumber === earlier.petitioner.idNumber).length;
      plans.push({
        ...earlier,
        registeredAt: new Date(Math.max(registeredAt.getTime(), earlier.registeredAt.getTime() + 30 * DAY)),
        repeatOf: { count },
      });
      continue;
    }
    const area = random.pick(['150302', '150303', '150304']);
    plans.push({
      point: random.pick(world.points),
      mode: random.pick(MODES),
      petitioner: {
        name: drawPersonName(random),
        idNumber: drawIdNumber(random, used, area, random.int(1945, 1995), random.next() < 0.5),
        phone: drawMobileNumber(random, phones),
      },
      matter: random.pick(MATTERS),
      registeredAt,
      repeatOf: null,
    });
  }
  return plans.filter((p) => p.registeredAt.getTime() < now.getTime());
}

/**
 * How one petition went, as the live actions would have recorded it, cut off at `now`: accepted on the spot or
 * within days (a few refused), verified with the body responsible, answered well within the 60 days, fed back,
 * closed — resolved (化解) 99 times in 100 — and visited back, satisfied nineteen times in twenty; a few asked
 * for a review.
 */
function tellPetition(random: DemoRandom, plan: PlannedPetition, world: PetitionHistoryWorld, now: Date) {
  const story = new LifecycleStory<PetitionState, PetitionAction>(PETITION_LIFECYCLE, now);
  const actor: StoryActor = {
    actorUserId: world.agent.userId,
    actorName: world.agent.name,
    actorOrgId: plan.point.id,
  };
  const { limits } = world;
  const [matter, body] = plan.matter;
  const row: Partial<PetitionRow> = {
    acceptDeadline: legalDeadline(plan.registeredAt, limits.acceptDays),
  };
  let at = plan.registeredAt.getTime();
  const step = (action: PetitionAction, days: number, note: string | null, changes = {}) => {
    at += days * DAY + random.int(1, 6) * 3_600_000;
    return story.act({ at: new Date(at), action, actor, note, changes }) ? new Date(at) : null;
  };
  story.act({ at: plan.registeredAt, action: 'register', actor, note: matter, changes: { mode: plan.mode } });
  if (random.next() < 0.02) {
    if (step('refuse', random.int(0, 3), '属于诉讼途径解决的事项，已告知依法向人民法院提起诉讼')) {
      step('feedback', 0, '书面告知信访人不予受理及理由');
      const closedAt = step('close', random.int(1, 5), null, { resolved: true });
      if (closedAt) Object.assign(row, { closedAt, resolved: true });
    }
    return { story, row };
  }
  const acceptedAt = step('accept', random.int(0, 4), '受理并告知信访人');
  if (!acceptedAt) return { story, row };
  Object.assign(row, { acceptedAt, answerDeadline: legalDeadline(acceptedAt, limits.answerDays) });
  if (!step('verify', random.int(1, 5), `与${body}核实，情况属实，已督促处理`, { body }))
    return { story, row };
  const answeredAt = step('answer', random.int(5, 40), `经${body}研究处理，已向信访人出具处理意见`);
  if (!answeredAt) return { story, row };
  Object.assign(row, {
    answeredAt,
    reviewRequestDeadline: legalDeadline(answeredAt, limits.reviewRequestDays),
  });
  step('feedback', random.int(0, 2), '代办员当面向信访人反馈处理意见');
  if (random.next() < 0.03) {
    const askedAt = step('request_review', random.int(5, 20), '信访人对处理意见不满意，申请复查');
    if (!askedAt) return { story, row };
    Object.assign(row, {
      reviewRequestedAt: askedAt,
      reviewDeadline: legalDeadline(askedAt, limits.reviewAnswerDays),
    });
    const reviewedAt = step('review', random.int(5, 25), '复查维持原处理意见，并督促落实');
    if (!reviewedAt) return { story, row };
    Object.assign(row, {
      reviewedAt,
      reReviewRequestDeadline: legalDeadline(reviewedAt, limits.reReviewRequestDays),
    });
  }
  const resolved = random.next() < 0.99;
  const closedAt = step(
    'close',
    random.int(1, 10),
    resolved ? '问题已解决，信访人认可' : '已依法答复，信访人仍有异议',
    {
      resolved,
    },
  );
  if (!closedAt) return { story, row };
  Object.assign(row, { closedAt, resolved });
  const satisfaction: Satisfaction =
    random.next() < 0.95 ? random.pick(['satisfied', 'satisfied', 'basically_satisfied']) : 'unsatisfied';
  if (step('visit_back', random.int(2, 10), '电话回访信访人', { satisfaction }))
    row.satisfaction = satisfaction;
  return { story, row };
}

/**
 * Writes a year of petitions (`n` planned, those registered before `now`) across the agency points in a few
 * bulk statements: each with its petitioner (ID number and phone sealed, the ID number indexed), its keyed
 * chained timeline and its legal deadlines as the actions set them, repeats linked to the first petition.
 */
export async function writePetitionHistory(
  tx: DbOrTx,
  ctx: Pick<AppContext, 'chainKey' | 'dataKey'>,
  world: PetitionHistoryWorld,
  random: DemoRandom,
  n: number,
  now: Date,
): Promise<number> {
  const plans = planPetitions(random, world, n, now).sort(
    (a, b) => a.registeredAt.getTime() - b.registeredAt.getTime(),
  );
  const ids = await reserveIds(tx, 'petitions', plans.length);
  const idOf = new Map(plans.map((p, i) => [p, ids[i]!]));
  const told = plans.map((plan) => tellPetition(random, plan, world, now));
  const timelines = told.map((t, i) => chainTimeline(ctx.chainKey, 'petitionId', ids[i]!, t.story.events));
  // the first petition of the person on the matter: the one a repeat links to
  const firstOf = (plan: PlannedPetition) =>
    plans.find((p) => p.petitioner.idNumber === plan.petitioner.idNumber && !p.repeatOf)!;
  const rows = plans.map((plan, i) => ({
    ...lightColumnsOfHistory(told[i]!, plan.registeredAt, now),
    id: ids[i]!,
    orgId: plan.point.id,
    orgPath: plan.point.path,
    agentUserId: world.agent.userId,
    agentName: world.agent.name,
    mode: plan.mode,
    source: 'agent',
    matter: plan.matter[0],
    matterKey: petitionMatterKey(plan.matter[0]),
    responsibleBody: plan.matter[1],
    // the bulk insert names every column: the table's defaults do not apply
    caseId: null,
    extensionDays: 0,
    hearingDays: 0,
    state: told[i]!.story.state!,
    ...told[i]!.row,
    repeatOfId: plan.repeatOf ? idOf.get(firstOf(plan))! : null,
    repeatCount: plan.repeatOf?.count ?? 0,
    version: told[i]!.story.version,
    createdAt: plan.registeredAt,
    ...headOf(timelines[i]!),
  }));
  await insertAll(tx, petitions, rows.map(asJson), true);
  const petitioners = plans.map((plan, i) => {
    const values = petitionerValues(ctx, ids[i]!, plan.petitioner);
    return {
      ...values,
      idNumberSealed: byteaText(values.idNumberSealed),
      phoneSealed: byteaText(values.phoneSealed),
    };
  });
  await insertAll(tx, petitionPetitioners, petitioners);
  await insertAll(tx, petitionEvents, eventRows(timelines.flat()));
  return plans.length;
}

/** A told petition's light columns: one whose limit still runs is looked at on the lights' scan's first run. */
function lightColumnsOfHistory(told: ReturnType<typeof tellPetition>, registeredAt: Date, now: Date) {
  const dates = { ...told.row, createdAt: registeredAt, state: told.story.state! } as PetitionClockDates;
  return { light: 'green', lightNextCheckAt: petitionSlaClock(dates) ? now : null };
}

/** A row's times as the JSON the bulk insert reads. */
function asJson(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}
