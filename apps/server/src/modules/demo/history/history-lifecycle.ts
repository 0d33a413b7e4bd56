import type { CaseSource, Satisfaction } from '@shanzhi/shared';
import type { CaseLimits } from '../../cases/case-clock.js';
import type { NewCaseRow } from '../../cases/cases.repository.js';
import type { DemoRandom } from '../demo-random.js';
import type { CaseStory, StoryActor } from './case-story.js';
import type { HistoryScene } from './history-case.js';
import { drawWeighted, LIFECYCLE_ODDS as ODDS } from './history-mix.js';
import { type HistoryCategory, type HistoryGrid, type HistoryWorld, userKey } from './history-world.js';

/** The case as drawn, before its life is played. */
export interface LifecycleInput {
  row: Omit<NewCaseRow, 'number'>;
  category: HistoryCategory;
  grid: HistoryGrid;
  limits: CaseLimits;
  duplicate: boolean;
}

const ROLE_TITLES: Record<string, string> = {
  agent: '话务员',
  dispatcher: '派单员',
  handler: '承办人',
  grid_worker: '网格员',
  supervisor: '督办员',
};

/** A demo account of the org in that role when there is one, else a named member of its staff. */
function actorOf(world: HistoryWorld, orgId: number, role: string): StoryActor {
  const user = world.users.get(userKey(orgId, role));
  if (user) return { actorUserId: user.id, actorName: user.name, actorOrgId: orgId };
  return {
    actorUserId: null,
    actorName: `${world.orgs.get(orgId)?.name ?? ''}${ROLE_TITLES[role]}`,
    actorOrgId: orgId,
  };
}

function registrarOf(world: HistoryWorld, source: CaseSource, grid: HistoryGrid): StoryActor {
  if (source === 'hotline_12345' || source === 'online' || source === 'transfer_110') {
    return actorOf(world, world.hotlineCentreId, 'agent');
  }
  if (source === 'grid_patrol') return actorOf(world, grid.id, 'grid_worker');
  return actorOf(world, world.cityCentreId, 'dispatcher');
}

const between = (random: DemoRandom, lo: number, hi: number) => lo + random.next() * (hi - lo);

/**
 * Plays the life of a case on its story (DOMAIN.md §3): register, then either an end at intake (直接办结,
 * 作废, 转110, 合并) or dispatch → (退单 → 改派) → 签收 → 办理 (延期) → 办结反馈 → 审核 (返工) → 回访 → 结案,
 * with 重办 after an unsatisfied callback. Answers the handling units the case ends with.
 */
export function playLifecycle(
  random: DemoRandom,
  scene: HistoryScene,
  story: CaseStory,
  input: LifecycleInput,
): { orgId: number; role: 'lead' | 'co' }[] {
  const { world } = scene;
  const { row, category, grid } = input;
  const t0 = row.createdAt!;
  const toTown = row.source === 'grid_patrol' ? random.next() < 0.7 : random.next() < ODDS.directToTown;
  const owner = toTown
    ? (world.districtCentres.get(grid.districtId) ?? world.cityCentreId)
    : world.cityCentreId;
  const registrar = registrarOf(world, row.source as CaseSource, grid);
  row.currentOrgId = owner;
  row.registeredByOrgId = registrar.actorOrgId;
  const dispatcher = actorOf(world, owner, 'dispatcher');
  const resolveDeadline = story.after(t0, input.limits.resolveLimit, 1);
  story.act({
    at: t0,
    action: 'register',
    actor: registrar,
    to: 'registered',
    patch: { resolveDeadline },
    changes: {
      source: row.source,
      type: row.type,
      categoryId: row.categoryId,
      priority: row.priority,
      areaOrgId: grid.id,
      currentOrgId: owner,
    },
  });
  if (endsAtIntake(random, story, input, registrar, dispatcher)) return [];
  const lead = toTown || category.defaultUnitId === null ? grid.townId : category.defaultUnitId;
  return playHandling(random, scene, story, input, { owner, lead, dispatcher });
}

function endsAtIntake(
  random: DemoRandom,
  story: CaseStory,
  input: LifecycleInput,
  registrar: StoryActor,
  dispatcher: StoryActor,
): boolean {
  const t0 = input.row.createdAt!;
  if (input.duplicate) {
    story.act({
      at: story.workAfter(t0, random.int(10, 120)),
      action: 'merge',
      actor: dispatcher,
      to: 'merged',
      patch: story.stopClock(),
      changes: { masterCaseId: null, masterCaseNumber: null },
    });
    return true;
  }
  const soon = new Date(t0.getTime() + random.int(2, 12) * 60_000);
  const r = random.next();
  if (r < ODDS.invalidate) {
    story.act({
      at: soon,
      action: 'invalidate',
      actor: dispatcher,
      to: 'invalidated',
      note: '无效来电：骚扰或测试电话',
    });
    return true;
  }
  if (r < ODDS.invalidate + ODDS.transferTo110 || (input.category.police && random.next() < 0.6)) {
    const threeWayCall = random.next() < 0.4;
    story.act({
      at: soon,
      action: 'transfer_to_110',
      actor: registrar,
      to: 'transferred_110',
      patch: { threeWayCall },
      note: '属公安警情，转110处置',
      changes: { threeWayCall, externalRef: null },
    });
    return true;
  }
  const answerable =
    input.row.type === 'consultation' && ['hotline_12345', 'online'].includes(input.row.source);
  if (answerable && random.next() < ODDS.resolveOnCallOfConsultation) {
    story.act({
      at: soon,
      action: 'resolve_on_call',
      actor: registrar,
      to: 'resolved_on_call',
      patch: { closedAt: soon, knowledgeEntryId: null },
      note: `已依据知识库答复来电人有关「${input.category.name}」的政策和办理流程`,
      changes: { knowledgeEntryId: null },
    });
    return true;
  }
  return false;
}

interface Handling {
  owner: number;
  lead: number;
  dispatcher: StoryActor;
}

function dispatch(
  random: DemoRandom,
  story: CaseStory,
  input: LifecycleInput,
  h: Handling,
  at: Date,
  co: number[],
) {
  const clock = story.startClock('accept', at, input.limits.acceptLimit);
  return story.act({
    at,
    action: 'dispatch',
    actor: h.dispatcher,
    to: 'dispatched',
    patch: { leadUnitId: h.lead, dispatchedAt: at, acceptedAt: null, ...clock },
    note: random.next() < 0.3 ? '请按时限办理并及时反馈' : null,
    changes: { leadUnitId: h.lead, coHandlerIds: co, acceptDeadline: clock.acceptDeadline },
  });
}

function accept(
  random: DemoRandom,
  story: CaseStory,
  input: LifecycleInput,
  lead: StoryActor,
  firstReceiver: number,
) {
  const start = story.lastAt;
  const deadline = story.deadline;
  const late = random.next() < ODDS.lateAcceptance;
  const at = story.after(
    start,
    input.limits.acceptLimit,
    late ? between(random, 1.05, 1.8) : between(random, 0.03, 0.8),
  );
  const onTime = deadline === null || at.getTime() <= deadline.getTime();
  const clock = story.startClock('resolve', at, input.limits.resolveLimit);
  story.act({
    at,
    action: 'accept',
    actor: lead,
    to: 'accepted',
    patch: { acceptedAt: at, firstReceiverOrgId: firstReceiver, ...clock },
    changes: { acceptedOnTime: onTime, resolveDeadline: clock.resolveDeadline },
  });
  return at;
}

function playHandling(
  random: DemoRandom,
  scene: HistoryScene,
  story: CaseStory,
  input: LifecycleInput,
  h: Handling,
): { orgId: number; role: 'lead' | 'co' }[] {
  const { world } = scene;
  const urgent = input.row.priority !== 'normal';
  const t0 = input.row.createdAt!;
  const dispatchAt = urgent
    ? new Date(t0.getTime() + random.int(3, 20) * 60_000)
    : story.workAfter(t0, random.int(10, 150));
  let co =
    random.next() < ODDS.coHandler &&
    input.category.defaultUnitId !== null &&
    h.lead !== input.category.defaultUnitId
      ? [input.category.defaultUnitId]
      : [];
  dispatch(random, story, input, h, dispatchAt, co);
  if (random.next() < ODDS.returned) {
    const returnAt = story.after(dispatchAt, input.limits.acceptLimit, between(random, 0.1, 0.6));
    story.act({
      at: returnAt,
      action: 'return',
      actor: actorOf(world, h.lead, 'handler'),
      to: 'returned',
      patch: { returns: 1, leadUnitId: null, ...story.stopClock() },
      note: '该事项不属于本单位职责范围，请重新派单',
      changes: { returnedByOrgId: h.lead },
    });
    h.lead =
      h.lead === input.grid.townId ? (input.category.defaultUnitId ?? input.grid.townId) : input.grid.townId;
    co = [];
    dispatch(random, story, input, h, story.workAfter(returnAt, random.int(20, 180)), co);
  }
  const leadActor = actorOf(world, h.lead, 'handler');
  const acceptAt = accept(random, story, input, leadActor, h.lead);
  const handlers = [
    { orgId: h.lead, role: 'lead' as const },
    ...co.map((orgId) => ({ orgId, role: 'co' as const })),
  ];
  if (random.next() < ODDS.progress) {
    story.act({
      at: story.after(acceptAt, input.limits.resolveLimit, between(random, 0.1, 0.4)),
      action: 'progress',
      actor: leadActor,
      to: 'accepted',
      note: random.pick([
        '已与来电人取得联系，正在现场核实',
        '已安排人员现场查看，正在协调处理',
        '已约谈相关责任方，督促整改',
      ]),
    });
  }
  // a hard case overruns its limit: the supervisor urges it, and it is replied late and ends as the others
  // do — only the last weeks' cases still stand open when the history stops
  const urged = random.next() < ODDS.overrun ? urgeOverdue(random, story, world, acceptAt) : undefined;
  playReplyToClose(random, scene, story, input, h, leadActor, acceptAt, urged);
  return handlers;
}

/** 督办 of a case past its resolve deadline; answers when the unit, urged, replies (days later). */
function urgeOverdue(random: DemoRandom, story: CaseStory, world: HistoryWorld, acceptAt: Date): Date {
  const deadline = story.deadline ?? acceptAt;
  const urgedAt = story.workAfter(deadline, random.int(60, 900));
  story.act({
    at: urgedAt,
    action: 'supervise',
    actor: actorOf(world, world.cityCentreId, 'supervisor'),
    to: 'accepted',
    patch: { supervisions: 1, supervisionLevel: 'general' },
    note: '工单已超期，请承办单位加快办理',
    changes: { level: 'general' },
  });
  // one to ten working days of 8 hours after the urging
  return story.workAfter(urgedAt, random.int(8 * 60, 80 * 60));
}

function reply(random: DemoRandom, story: CaseStory, input: LifecycleInput, lead: StoryActor, at: Date) {
  story.act({
    at,
    action: 'reply',
    actor: lead,
    to: 'replied',
    patch: { repliedAt: at, ...story.stopClock() },
    note: random.pick([
      `经核实，来电人反映的「${input.category.name}」问题已处理完毕，已电话告知来电人。`,
      `已安排工作人员现场处理，「${input.category.name}」问题已解决，来电人表示认可。`,
      `经调查，已向来电人解释相关政策并协助办理，来电人表示理解。`,
    ]),
    changes: { templateId: null },
  });
}

function replyTime(
  random: DemoRandom,
  story: CaseStory,
  input: LifecycleInput,
  from: Date,
  limit = input.limits.resolveLimit,
) {
  const r = random.next();
  const fraction =
    r < ODDS.lateReply
      ? between(random, 1.05, 1.6)
      : r < 0.8
        ? between(random, 0.1, 0.75)
        : between(random, 0.75, 0.98);
  return story.after(from, limit, fraction);
}

function playReplyToClose(
  random: DemoRandom,
  scene: HistoryScene,
  story: CaseStory,
  input: LifecycleInput,
  h: Handling,
  lead: StoryActor,
  acceptAt: Date,
  /** when an overdue case, urged, is replied; undefined for a case replied in the ordinary way */
  urgedReplyAt?: Date,
): void {
  if (urgedReplyAt) {
    reply(random, story, input, lead, urgedReplyAt);
  } else if (random.next() < ODDS.extension) {
    const askAt = story.after(acceptAt, input.limits.resolveLimit, between(random, 0.5, 0.75));
    const current = story.deadline ?? askAt;
    const wanted = story.after(current, { value: random.int(2, 10), unit: 'working_days' }, 1);
    story.act({
      at: askAt,
      action: 'request_extension',
      actor: lead,
      to: 'accepted',
      patch: {
        extensionRequests: 1,
        extensionStatus: 'pending',
        extensionRequestedDeadline: wanted,
        extensionReason: '涉及多个部门协调，需延长办理时间',
      },
      note: '涉及多个部门协调，需延长办理时间',
      changes: { currentDeadline: current, requestedDeadline: wanted },
    });
    const approveAt = story.workAfter(askAt, random.int(20, 240));
    story.act({
      at: approveAt,
      action: 'approve_extension',
      actor: h.dispatcher,
      to: 'accepted',
      patch: { extensionStatus: 'approved', ...story.moveDeadline(wanted, approveAt) },
      changes: { resolveDeadline: { from: current, to: wanted } },
    });
    const span = wanted.getTime() - approveAt.getTime();
    reply(random, story, input, lead, new Date(approveAt.getTime() + span * between(random, 0.2, 0.9)));
  } else {
    reply(random, story, input, lead, replyTime(random, story, input, acceptAt));
  }
  let reviewAt = story.workAfter(story.lastAt, random.int(10, 240));
  if (random.next() < ODDS.rework) {
    const clock = story.startClock('resolve', reviewAt, scene.reworkLimit);
    story.act({
      at: reviewAt,
      action: 'rework',
      actor: h.dispatcher,
      to: 'accepted',
      patch: { reworks: 1, ...clock },
      note: '答复内容不完整，请补充处理结果后重新反馈',
      changes: { resolveDeadline: clock.resolveDeadline, limit: scene.reworkLimit },
    });
    reply(random, story, input, lead, story.after(reviewAt, scene.reworkLimit, between(random, 0.2, 0.8)));
    reviewAt = story.workAfter(story.lastAt, random.int(10, 240));
  }
  story.act({
    at: reviewAt,
    action: 'review',
    actor: h.dispatcher,
    to: 'reviewed',
    changes: { outcome: 'approve' },
  });
  const satisfaction = callBack(random, scene, story, ODDS.satisfaction);
  if (satisfaction === 'unsatisfied' && random.next() < ODDS.reopenWhenUnsatisfied) {
    playReopen(random, scene, story, input, h, lead);
    return;
  }
  close(random, story, h);
}

function close(random: DemoRandom, story: CaseStory, h: Handling) {
  const at = story.workAfter(story.lastAt, random.int(5, 90));
  story.act({
    at,
    action: 'close',
    actor: h.dispatcher,
    to: 'closed',
    patch: { closedAt: at, ...story.stopClock() },
  });
  story.finish();
}

/** 回访 by the 12345 centre: now and then a first call that reaches nobody, then the three answers. */
function callBack(
  random: DemoRandom,
  scene: HistoryScene,
  story: CaseStory,
  mix: typeof ODDS.satisfaction,
): Satisfaction {
  const agent = actorOf(scene.world, scene.world.hotlineCentreId, 'agent');
  let at = story.workAfter(story.lastAt, random.int(60, 900));
  if (random.next() < ODDS.callbackMissed) {
    const missed = { reached: false, contacted: null, solved: null, satisfaction: null };
    story.act({
      at,
      action: 'callback',
      actor: agent,
      to: 'called_back',
      patch: {
        calledBackAt: at,
        callbackReached: false,
        callbackContacted: null,
        callbackSolved: null,
        satisfaction: null,
      },
      note: '电话无人接听',
      changes: missed,
    });
    at = story.workAfter(at, random.int(240, 840));
  }
  const satisfaction = drawWeighted(random, mix);
  const contacted =
    satisfaction !== 'unsatisfied' || random.next() < 0.7
      ? random.next() < ODDS.contacted || satisfaction === 'satisfied'
      : false;
  const solved = satisfaction === 'unsatisfied' ? random.next() < 0.2 : random.next() < ODDS.solved + 0.03;
  story.act({
    at,
    action: 'callback',
    actor: agent,
    to: 'called_back',
    patch: {
      calledBackAt: at,
      callbackReached: true,
      callbackContacted: contacted,
      callbackSolved: solved,
      satisfaction,
    },
    changes: { reached: true, contacted, solved, satisfaction },
  });
  return satisfaction;
}

/** 重办 after an unsatisfied callback: back to the same lead unit, which signs, replies again, is called back. */
function playReopen(
  random: DemoRandom,
  scene: HistoryScene,
  story: CaseStory,
  input: LifecycleInput,
  h: Handling,
  lead: StoryActor,
) {
  const at = story.workAfter(story.lastAt, random.int(30, 240));
  const clock = story.startClock('accept', at, input.limits.acceptLimit);
  story.act({
    at,
    action: 'reopen',
    actor: h.dispatcher,
    to: 'dispatched',
    patch: { reopens: 1, closedAt: null, acceptedAt: null, dispatchedAt: at, ...clock },
    note: '来电人对处理结果不满意，重新办理',
    changes: { leadUnitId: h.lead, acceptDeadline: clock.acceptDeadline },
  });
  const acceptAt = accept(random, story, input, lead, h.lead);
  reply(random, story, input, lead, replyTime(random, story, input, acceptAt));
  story.act({
    at: story.workAfter(story.lastAt, random.int(10, 240)),
    action: 'review',
    actor: h.dispatcher,
    to: 'reviewed',
    changes: { outcome: 'approve' },
  });
  callBack(random, scene, story, [
    ['satisfied', 70],
    ['basically_satisfied', 22],
    ['unsatisfied', 8],
  ]);
  close(random, story, h);
}
