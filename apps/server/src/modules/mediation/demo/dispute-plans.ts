import {
  type AgreementForm,
  CONFIRMATION_EXCLUDED_FIELDS,
  type Difficulty,
  type DisputeField,
  type DisputeSource,
  type PartyInput,
  type ReferralTarget,
  type SessionMode,
  toBeijingCompactDate,
} from '@shanzhi/shared';
import { drawMobileNumber, drawPersonName } from '../../demo/demo-city.names.js';
import type { DemoRandom } from '../../demo/demo-random.js';
import type { StoryActor } from '../../demo/history/case-story.js';
import {
  type DisputeMatter,
  drawMinutes,
  fillNames,
  MATTERS,
  OTHER_MATTER,
  REASONS,
} from './dispute-texts.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * What becomes of a year of disputes, as probabilities. Of the disputes mediated to an end Wuhai agrees more
 * than 96 %: most at once, and of those that fail at a village half go up to the town, where half are agreed.
 */
export const DISPUTE_ODDS = {
  /** agreed at the first committee */
  agreedFirst: 0.947,
  /** of the failed ones with a committee above: the share that goes up (and is agreed there half the time) */
  escalated: 0.5,
  agreedAbove: 0.5,
  /** of those not agreed: failed (the rest referred to a court or arbitration) */
  failed: 0.7,
  /** of the agreed: written (the rest oral), closed (the rest performed and awaiting the archive) */
  written: 0.8,
  closed: 0.9,
  /** of the agreed and closed: performed (回访) before the archive */
  performedBeforeClosing: 0.922,
  /** of the agreed that may be: judicially confirmed */
  confirmed: 0.08,
  /** of the sessions: online in the room, by video (the rest in person) */
  online: 0.08,
  video: 0.1,
  /** of the disputes: two sessions at a committee (the rest one) */
  twoSessions: 0.35,
  /** of the parties: an address recorded */
  address: 0.6,
} as const;

/** The fields of a year of disputes, weighted as they come in (neighbours and families first). */
const FIELD_WEIGHTS: Partial<Record<DisputeField, number>> = {
  neighbour: 30,
  family: 18,
  property: 10,
  debt: 9,
  land: 7,
  labour: 6,
  traffic: 6,
  damage: 5,
  contract: 3,
  consumer: 3,
  marriage: 2,
  medical: 1,
};

const SOURCES: readonly DisputeSource[] = [
  'walk_in',
  'walk_in',
  'phone',
  'portal',
  'grid_finding',
  'case_12345',
  'court_referral',
];
const DIFFICULTIES: readonly Difficulty[] = [
  'simple',
  'ordinary',
  'ordinary',
  'ordinary',
  'difficult',
  'major',
];
const COURT = '乌海市海勃湾区人民法院';

/** A mediator of the demo city as the history needs him: his id, name and account (if any). */
export interface HistoryMediator {
  id: number;
  name: string;
  userId: number | null;
}

/** A committee of the demo city with its mediators. */
export interface HistoryCommittee {
  id: number;
  name: string;
  level: string;
  orgId: number;
  orgPath: string;
  fields: string[];
  mediators: HistoryMediator[];
}

/** What a year of disputes is drawn from: the villages and communities, the committees, the portal's actor. */
export interface MediationHistoryWorld {
  places: readonly { id: number; path: string; name: string }[];
  committees: readonly HistoryCommittee[];
  /** the portal's actor (a citizen's own application) */
  portal: StoryActor;
  /** the mediation limit from acceptance, as the live `accept` sets it */
  deadlineOf(acceptedAt: Date): Date;
}

/** A party as drawn, as intake would take him: his phone in clear until it is written sealed. */
export type PlannedParty = PartyInput & { phone: string };

/** A session (调解记录) as held. */
export interface PlannedSession {
  heldAt: Date;
  /** when the mediator recorded it */
  at: Date;
  mode: SessionMode;
  place: string | null;
  videoLink: string | null;
  minutes: string;
}

/** The mediation at one committee: assigned, consented to, its sessions, and how it ended there. */
export interface PlannedLevel {
  committee: HistoryCommittee;
  /** when the dispute came to it: accepted, or escalated from below */
  startAt: Date;
  mediatorId: number;
  /** the mediator as the actor of his steps */
  mediator: StoryActor;
  assignAt: Date;
  consentAt: Date;
  sessions: PlannedSession[];
  endAt: Date;
  end: 'agree' | 'fail' | 'refer';
}

/** A historic dispute as drawn, before its ids are known and its story told. */
export interface PlannedDispute {
  number: string;
  source: DisputeSource;
  field: DisputeField;
  matter: DisputeMatter;
  place: MediationHistoryWorld['places'][number];
  difficulty: Difficulty;
  parties: [PlannedParty, PlannedParty];
  registrar: StoryActor;
  createdAt: Date;
  acceptedAt: Date;
  /** 调解期限 from acceptance */
  deadline: Date;
  /** one committee, or the village's and then the town's */
  levels: PlannedLevel[];
  referralTarget: ReferralTarget;
  form: AgreementForm;
  /** the agreement's follow-up: performance visit, judicial confirmation, archive (each may lie after the end) */
  performAt: Date | null;
  confirmation: { appliedAt: Date; acceptedAt: Date; ruledAt: Date; court: string } | null;
  closeAt: Date | null;
}

function drawField(random: DemoRandom): DisputeField {
  const entries = Object.entries(FIELD_WEIGHTS) as [DisputeField, number][];
  let r = random.next() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [field, weight] of entries) {
    r -= weight;
    if (r < 0) return field;
  }
  return 'other';
}

/** The committee of a dispute at `path` of `field` (the specialised one of its field, else the lowest) and the one above. */
function committeesFor(all: readonly HistoryCommittee[], path: string, field: DisputeField) {
  const covering = all
    .filter((c) => path.startsWith(c.orgPath))
    .sort((a, b) => b.orgPath.length - a.orgPath.length);
  const territorial = covering.filter((c) => c.level !== 'specialised');
  const first =
    covering.find((c) => c.level === 'specialised' && c.fields.includes(field)) ?? territorial[0]!;
  const above = territorial.find(
    (c) => c.orgPath.length < first.orgPath.length && first.orgPath.startsWith(c.orgPath),
  );
  return { first, above };
}

const at = (start: Date, span: number, lo: number, hi: number, random: DemoRandom) =>
  new Date(start.getTime() + span * (lo + random.next() * (hi - lo)));

function drawParties(
  random: DemoRandom,
  matter: DisputeMatter,
  place: PlannedDispute['place'],
  phones: Set<string>,
): [PlannedParty, PlannedParty] {
  const address = () =>
    random.next() < DISPUTE_ODDS.address
      ? `${place.name}${random.int(1, 30)}号楼${random.int(1, 6)}单元${random.int(1, 18)}0${random.int(1, 4)}室`
      : undefined;
  const organisation = matter.organisation && random.pick(matter.organisation);
  return [
    {
      role: 'applicant',
      kind: 'person',
      name: drawPersonName(random),
      phone: drawMobileNumber(random, phones),
      address: address(),
    },
    organisation
      ? {
          role: 'respondent',
          kind: 'organisation',
          name: `乌海市${random.pick(['恒达', '金沙', '福源', '鑫海', '康宁'])}${organisation}`,
          representative: drawPersonName(random),
          phone: drawMobileNumber(random, phones),
        }
      : {
          role: 'respondent',
          kind: 'person',
          name: drawPersonName(random),
          phone: drawMobileNumber(random, phones),
          address: address(),
        },
  ];
}

function drawSession(
  random: DemoRandom,
  committee: HistoryCommittee,
  heldAt: Date,
  minutes: string,
): PlannedSession {
  const r = random.next();
  const mode: SessionMode =
    r < DISPUTE_ODDS.online ? 'online' : r < DISPUTE_ODDS.online + DISPUTE_ODDS.video ? 'video' : 'in_person';
  return {
    heldAt,
    at: new Date(heldAt.getTime() + random.int(60, 150) * 60_000),
    mode,
    place: mode === 'in_person' ? `${committee.name}调解室` : null,
    videoLink:
      mode === 'video' ? `https://meeting.tencent.com/dm/${random.int(100_000_000, 999_999_999)}` : null,
    minutes,
  };
}

/** The mediation at `committee` between `start` and `endAt`: assigned, consented to, one or two sessions. */
function drawLevel(
  random: DemoRandom,
  committee: HistoryCommittee,
  names: [string, string],
  window: { start: Date; endAt: Date; end: PlannedLevel['end'] },
): PlannedLevel {
  const { start, endAt, end } = window;
  const span = endAt.getTime() - start.getTime();
  const mediator = random.pick(committee.mediators);
  const lastHeldAt = new Date(endAt.getTime() - random.int(150, 240) * 60_000);
  const sessions = [];
  if (random.next() < DISPUTE_ODDS.twoSessions) {
    sessions.push(
      drawSession(
        random,
        committee,
        at(start, span, 0.4, 0.6, random),
        drawMinutes(random, 'first', ...names),
      ),
    );
  }
  sessions.push(
    drawSession(
      random,
      committee,
      lastHeldAt,
      drawMinutes(random, end === 'agree' ? 'agreed' : 'failed', ...names),
    ),
  );
  return {
    committee,
    startAt: start,
    mediatorId: mediator.id,
    mediator: {
      actorUserId: mediator.userId,
      actorName: mediator.name,
      actorOrgId: committee.orgId,
    },
    assignAt: at(start, span, 0.03, 0.12, random),
    consentAt: at(start, span, 0.15, 0.3, random),
    sessions,
    endAt,
    end,
  };
}

/** One committee, or the village's (failed half-way) and then the town's, mediating from `acceptedAt` to `endedAt`. */
function drawLevels(
  random: DemoRandom,
  committees: { first: HistoryCommittee; above: HistoryCommittee | undefined },
  names: [string, string],
  window: { acceptedAt: Date; endedAt: Date; end: PlannedLevel['end']; goesUp: boolean },
): PlannedLevel[] {
  const { acceptedAt, endedAt, end } = window;
  if (!window.goesUp || !committees.above) {
    return [drawLevel(random, committees.first, names, { start: acceptedAt, endAt: endedAt, end })];
  }
  const failedAt = at(acceptedAt, endedAt.getTime() - acceptedAt.getTime(), 0.35, 0.5, random);
  const village = drawLevel(random, committees.first, names, {
    start: acceptedAt,
    endAt: failedAt,
    end: 'fail',
  });
  const upAt = new Date(failedAt.getTime() + random.int(1, 12) * HOUR_MS);
  return [village, drawLevel(random, committees.above, names, { start: upAt, endAt: endedAt, end })];
}

/**
 * What follows an agreement reached at `endedAt` (or the end of mediation without one): the judicial
 * confirmation (applied within the 30 days, accepted within 3, ruled within 15, all before the visit), the
 * follow-up visit three or four weeks on, the archive. A recent dispute's follow-up is drawn closer together,
 * so that it too is done by `now`: the year keeps its mix of states.
 */
function drawFollowUp(
  random: DemoRandom,
  field: DisputeField,
  agreed: boolean,
  window: { endedAt: Date; now: Date },
): Pick<PlannedDispute, 'performAt' | 'confirmation' | 'closeAt'> {
  const closes = !agreed || random.next() < DISPUTE_ODDS.closed;
  const performs = agreed && (!closes || random.next() < DISPUTE_ODDS.performedBeforeClosing);
  const confirms =
    agreed && !CONFIRMATION_EXCLUDED_FIELDS.includes(field) && random.next() < DISPUTE_ODDS.confirmed;
  // days after the end of mediation
  const applied = random.int(2, 6);
  const ruled = applied + random.int(5, 12);
  const performed = performs ? random.int(20, 30) : null;
  const closed = (performed ?? (confirms ? ruled : 0)) + random.int(1, 5);
  const last = closes ? closed : (performed ?? (confirms ? ruled : 0));
  const room = (window.now.getTime() - window.endedAt.getTime() - HOUR_MS) / DAY_MS;
  const scale = last > room ? room / last : 1;
  const after = (days: number) => new Date(window.endedAt.getTime() + days * scale * DAY_MS);
  return {
    performAt: performed === null ? null : after(performed),
    confirmation: confirms
      ? { appliedAt: after(applied), acceptedAt: after(applied + 2), ruledAt: after(ruled), court: COURT }
      : null,
    closeAt: closes ? after(closed) : null,
  };
}

/**
 * Draws the `i`-th dispute of a year ending at `now`: where, of what, between whom, which committees mediate it
 * and how it ends (mediation always ends half a day before `now`), and its follow-up (done by `now` too).
 */
export function planDispute(
  random: DemoRandom,
  world: MediationHistoryWorld,
  now: Date,
  i: number,
  phones: Set<string>,
): PlannedDispute {
  const place = random.pick(world.places);
  const field = drawField(random);
  const matter = MATTERS[field] ?? OTHER_MATTER;
  const createdAt = new Date(now.getTime() - (5 + random.next() * 360) * DAY_MS);
  const acceptedAt = new Date(createdAt.getTime() + random.int(1, 48) * HOUR_MS);
  const span = Math.min(random.int(2, 25) * DAY_MS, now.getTime() - acceptedAt.getTime() - 12 * HOUR_MS);
  const endedAt = new Date(acceptedAt.getTime() + span);
  const committees = committeesFor(world.committees, place.path, field);
  const agreedFirst = random.next() < DISPUTE_ODDS.agreedFirst;
  const goesUp = !agreedFirst && committees.above !== undefined && random.next() < DISPUTE_ODDS.escalated;
  const agreed = agreedFirst || (goesUp && random.next() < DISPUTE_ODDS.agreedAbove);
  const end = agreed ? 'agree' : random.next() < DISPUTE_ODDS.failed ? 'fail' : 'refer';
  const source = random.pick(SOURCES);
  const parties = drawParties(random, matter, place, phones);
  const names: [string, string] = [parties[0].name, parties[1].name];
  const levels = drawLevels(random, committees, names, { acceptedAt, endedAt, end, goesUp });
  return {
    number: `TJ${toBeijingCompactDate(createdAt)}${String(90_000 + i).padStart(5, '0')}`,
    source,
    field,
    matter,
    place,
    difficulty: random.pick(DIFFICULTIES),
    parties,
    registrar: source === 'portal' ? world.portal : levels[0]!.mediator,
    createdAt,
    acceptedAt,
    deadline: world.deadlineOf(acceptedAt),
    levels,
    referralTarget: field === 'labour' ? 'arbitration' : 'litigation',
    form: agreed && random.next() >= DISPUTE_ODDS.written ? 'oral' : 'written',
    ...drawFollowUp(random, field, agreed, { endedAt, now }),
  };
}

/** The reason or note of a step, with the parties' names put in. */
export function noteOf(random: DemoRandom, kind: keyof typeof REASONS, plan: PlannedDispute): string {
  return fillNames(random.pick(REASONS[kind]), plan.parties[0].name, plan.parties[1].name);
}
