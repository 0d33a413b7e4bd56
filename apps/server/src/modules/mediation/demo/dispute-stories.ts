import { DISPUTE_LIFECYCLE, type DisputeAction, type DisputeState, toBeijingDate } from '@shanzhi/shared';
import type { DemoRandom } from '../../demo/demo-random.js';
import { type LifecycleStep, LifecycleStory } from '../../demo/grid-history/lifecycle-story.js';
import type { disputeSessions, disputes } from '../mediation.tables.js';
import { noteOf, type PlannedDispute, type PlannedLevel } from './dispute-plans.js';
import { fillNames } from './dispute-texts.js';

/** The ids a dispute's story names in its events: its parties' (applicant, respondent) and its sessions'. */
export interface DisputeIds {
  partyIds: [number, number];
  /** one per planned session, in order */
  sessionIds: number[];
}

/** A dispute's story: its timeline, its row as the actions left it, its parties' confirmations, its sessions. */
export interface DisputeStory {
  story: LifecycleStory<DisputeState, DisputeAction>;
  row: Omit<typeof disputes.$inferInsert, 'id' | 'updatedAt'>;
  /** when each party (applicant, respondent) confirmed the agreement, if he did */
  confirmedAt: [Date | null, Date | null];
  sessions: Omit<typeof disputeSessions.$inferInsert, 'disputeId'>[];
}

/** Takes a step; its patch (given the step's time) applies to the row only if the story reached it. */
type Act = (
  step: LifecycleStep<DisputeAction>,
  patch?: (at: Date) => Partial<DisputeStory['row']>,
) => boolean;

/** The number of sessions a planned dispute holds (the ids to reserve for it). */
export function sessionCount(plan: PlannedDispute): number {
  return plan.levels.reduce((n, level) => n + level.sessions.length, 0);
}

/**
 * Plays a planned dispute through the dispute lifecycle of `packages/shared`, cut off at `endAt`: 登记, 受理,
 * then at each committee 指派, 同意调解 and its sessions, ending agreed, failed (and up to the town) or referred;
 * an agreement confirmed by both parties (signed scans), its judicial confirmation, the follow-up visit, the
 * archive. Each step's event is the one the live action appends (`dispute-actions.ts`) and the row takes the
 * patch that action makes.
 */
export function tellDispute(
  random: DemoRandom,
  plan: PlannedDispute,
  ids: DisputeIds,
  endAt: Date,
): DisputeStory {
  const story = new LifecycleStory(DISPUTE_LIFECYCLE, endAt);
  const [applicant, respondent] = plan.parties;
  const first = plan.levels[0]!.committee;
  const told: DisputeStory = {
    story,
    row: {
      number: plan.number,
      source: plan.source,
      field: plan.field,
      title: plan.matter.title,
      facts: fillNames(plan.matter.facts, applicant.name, respondent.name),
      claims: fillNames(plan.matter.claims, applicant.name, respondent.name),
      orgId: plan.place.id,
      orgPath: plan.place.path,
      committeeId: first.id,
      state: 'registered',
      difficulty: 'ordinary',
      extendedDays: 0,
      registeredByUserId: plan.registrar.actorUserId || null,
      createdAt: plan.createdAt,
    },
    confirmedAt: [null, null],
    sessions: [],
  };
  const { row } = told;
  const act: Act = (step, patch) => {
    if (!story.act(step)) return false;
    Object.assign(row, patch?.(story.lastAt), { state: story.state });
    return true;
  };
  act({
    at: plan.createdAt,
    action: 'register',
    actor: plan.registrar,
    note: plan.matter.title,
    changes: { source: plan.source, field: plan.field, committeeId: first.id, caseId: null },
  });
  act(
    {
      at: plan.acceptedAt,
      action: 'accept',
      actor: plan.levels[0]!.mediator,
      changes: { difficulty: plan.difficulty },
    },
    () => ({
      acceptedAt: plan.acceptedAt,
      deadline: plan.deadline,
      difficulty: plan.difficulty,
    }),
  );
  const sessionIds = [...ids.sessionIds];
  for (const [i, level] of plan.levels.entries()) {
    if (i > 0) escalate(random, plan, act, plan.levels[i - 1]!, level);
    mediate(random, plan, told, act, level, sessionIds);
  }
  if (row.outcome === 'agreed') followUp(random, plan, told, act, ids);
  if (plan.closeAt)
    act({ at: plan.closeAt, action: 'close', actor: mediatorOf(plan), note: noteOf(random, 'close', plan) });
  return told;
}

const mediatorOf = (plan: PlannedDispute) => plan.levels.at(-1)!.mediator;

/** 上移: the village's mediator hands the failed dispute to the committee above. */
function escalate(random: DemoRandom, plan: PlannedDispute, act: Act, from: PlannedLevel, to: PlannedLevel) {
  act(
    {
      at: to.startAt,
      action: 'escalate',
      actor: from.mediator,
      note: noteOf(random, 'escalate', plan),
      changes: {
        fromCommitteeId: from.committee.id,
        toCommitteeId: to.committee.id,
        toCommitteeName: to.committee.name,
      },
    },
    () => ({
      committeeId: to.committee.id,
      mediatorId: null,
      outcome: null,
      endedAt: null,
      endedAtLevel: null,
    }),
  );
}

/** 指派, 同意调解, the sessions, and how it ended at one committee. */
function mediate(
  random: DemoRandom,
  plan: PlannedDispute,
  told: DisputeStory,
  act: Act,
  level: PlannedLevel,
  sessionIds: number[],
) {
  const { committee, mediator } = level;
  act(
    {
      at: level.assignAt,
      action: 'assign',
      actor: mediator,
      changes: {
        committeeId: committee.id,
        committeeName: committee.name,
        mediatorId: level.mediatorId,
        mediatorName: mediator.actorName,
      },
    },
    () => ({ committeeId: committee.id, mediatorId: level.mediatorId }),
  );
  act({ at: level.consentAt, action: 'consent', actor: mediator, note: noteOf(random, 'consent', plan) });
  for (const session of level.sessions) {
    const id = sessionIds.shift()!;
    const changes = {
      sessionId: id,
      mode: session.mode,
      heldAt: session.heldAt.toISOString(),
      videoLink: session.videoLink,
    };
    if (!act({ at: session.at, action: 'record_session', actor: mediator, note: session.minutes, changes }))
      continue;
    told.sessions.push({
      id,
      mode: session.mode,
      heldAt: session.heldAt,
      place: session.place,
      videoLink: session.videoLink,
      attendees: `${plan.parties[0].name}、${plan.parties[1].representative ?? plan.parties[1].name}`,
      minutes: session.minutes,
      mediatorName: mediator.actorName,
      recordedByUserId: mediator.actorUserId,
      recordedAt: told.story.lastAt,
    });
  }
  const ending = (outcome: string) => (at: Date) => ({ outcome, endedAt: at, endedAtLevel: committee.level });
  if (level.end === 'agree') {
    const terms = plan.matter.terms.map((t) => ({
      content: fillNames(t.content, plan.parties[0].name, plan.parties[1].name),
      how: fillNames(t.how, plan.parties[0].name, plan.parties[1].name),
      dueDate: toBeijingDate(new Date(level.endAt.getTime() + 15 * 86_400_000)),
    }));
    act({ at: level.endAt, action: 'agree', actor: mediator, changes: { form: plan.form, terms } }, (at) => ({
      ...ending('agreed')(at),
      agreementForm: plan.form,
      agreementFacts: told.row.facts,
      agreementTerms: terms,
      agreedAt: at,
    }));
  } else if (level.end === 'fail') {
    act(
      { at: level.endAt, action: 'fail', actor: mediator, note: noteOf(random, 'fail', plan) },
      ending('failed'),
    );
  } else {
    act(
      {
        at: level.endAt,
        action: 'refer',
        actor: mediator,
        note: noteOf(random, plan.referralTarget, plan),
        changes: { to: plan.referralTarget },
      },
      (at) => ({ ...ending('referred')(at), referralTarget: plan.referralTarget }),
    );
  }
}

/** Both parties confirm the agreement (signed scans), the court confirms it, the mediator visits. */
function followUp(random: DemoRandom, plan: PlannedDispute, told: DisputeStory, act: Act, ids: DisputeIds) {
  const mediator = mediatorOf(plan);
  const signedAt = told.row.agreedAt as Date;
  for (const [k, party] of plan.parties.entries()) {
    const changes = { partyId: ids.partyIds[k], partyName: party.name, method: 'signed_scan' };
    const at = new Date(signedAt.getTime() + (k + 1) * 600_000);
    if (act({ at, action: 'confirm_agreement', actor: mediator, changes }))
      told.confirmedAt[k] = told.story.lastAt;
  }
  const c = plan.confirmation;
  if (c) {
    act(
      {
        at: c.appliedAt,
        action: 'apply_confirmation',
        actor: mediator,
        changes: { court: c.court, appliedAt: c.appliedAt.toISOString() },
      },
      () => ({
        confirmationStage: 'applied',
        confirmationCourt: c.court,
        confirmationAppliedAt: c.appliedAt,
      }),
    );
    for (const [ruling, when] of [
      ['accepted', c.acceptedAt],
      ['confirmed', c.ruledAt],
    ] as const) {
      act(
        {
          at: when,
          action: 'record_confirmation_ruling',
          actor: mediator,
          changes: { ruling, at: when.toISOString() },
        },
        () =>
          ruling === 'accepted'
            ? { confirmationStage: ruling, confirmationAcceptedAt: when }
            : { confirmationStage: ruling, confirmationRuledAt: when },
      );
    }
  }
  if (plan.performAt) {
    const at = plan.performAt;
    const note = noteOf(random, 'performance', plan);
    act({ at, action: 'record_performance', actor: mediator, note }, (visitedAt) => ({
      performedAt: visitedAt,
    }));
  }
}
