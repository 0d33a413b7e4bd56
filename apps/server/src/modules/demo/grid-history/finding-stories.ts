import {
  beijingMidnight,
  GRID_FINDING_LIFECYCLE,
  type GridFindingAction,
  type GridFindingState,
  pointInGeometry,
} from '@shanzhi/shared';
import type { DemoRandom } from '../demo-random.js';
import type { StoryActor } from '../history/case-story.js';
import type { GeneratedCase, GivenCase } from '../history/history-case.js';
import { drawWeighted } from '../history/history-mix.js';
import type { HistoryCategory } from '../history/history-world.js';
import { type FindingKind, kindsOf } from './finding-kinds.js';
import { drawGrid, type GridHistoryWorld, type HistoryGridWork } from './grid-history-world.js';
import { LifecycleStory } from './lifecycle-story.js';
import type { GeneratedPatrol } from './patrol-days.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * What becomes of a finding, as probabilities. Tuned so that the closing rate of a year of findings lands
 * near Wuhai's 2022 figure (195,000 closed of 198,000 found, 98.48 %), which says that a finding stays open
 * five to six days on average: most are solved on the spot at once, some after a day or two of
 * coordination, a few only after weeks (more of them in a lax grid); one reported up is often reported at
 * once, sometimes only after the grid tried for days itself, and then ends with its case.
 */
export const FINDING_ODDS = {
  /** withdrawn as a mistaken or double report */
  dismissed: 0.015,
  /** of those solved in the grid: within two days (the rest within the hour, or after weeks) */
  solvedWithinDays: 0.14,
  /** … after three days to ten weeks, for a grid of laxity 1 */
  solvedAfterWeeks: 0.11,
  /** of those reported up: at once (the rest after days of trying in the grid) */
  reportedAtOnce: 0.7,
  /** found on one of the day's patrols of the grid, when it had one (else on a visit or on the way) */
  onPatrol: 0.85,
} as const;

const SPOTS = [
  '1号楼',
  '3号楼',
  '5号楼',
  '7号楼',
  '12号楼',
  '东区',
  '西区',
  '南门',
  '北门',
  '商业街',
  '小广场',
];
const DISMISS_REASONS = ['经核实为重复登记', '误报，现场核实无此情况', '已由物业先行处置完毕'];

/** A finding as drawn, before its id and its case are known. */
export interface PlannedFinding {
  work: HistoryGridWork;
  kind: FindingKind;
  category: HistoryCategory;
  occurredAt: Date;
  point: { lng: number; lat: number };
  address: string;
  description: string;
  /** the patrol it was found on, if any */
  patrol: GeneratedPatrol | null;
  fate: 'solve' | 'report' | 'dismiss';
  /** when the worker solved, reported up or withdrew it (may lie after the end of the history) */
  fateAt: Date;
  note: string;
}

const between = (random: DemoRandom, lo: number, hi: number) => lo + random.next() * (hi - lo);

function pointNear(random: DemoRandom, work: HistoryGridWork): { lng: number; lat: number } {
  const { box, boundary, center } = work.grid;
  for (let i = 0; i < 20; i++) {
    const p = { lng: between(random, box.minLng, box.maxLng), lat: between(random, box.minLat, box.maxLat) };
    if (pointInGeometry(p, boundary)) return p;
  }
  return center;
}

function fill(text: string, work: HistoryGridWork, spot: string): string {
  return text.replaceAll('{c}', work.grid.communityName).replaceAll('{b}', spot);
}

function foundAt(random: DemoRandom, dayNumber: number, patrol: GeneratedPatrol | null, endAt: Date): Date {
  if (patrol) {
    const span = patrol.endedAt.getTime() - patrol.startedAt.getTime();
    return new Date(patrol.startedAt.getTime() + span * between(random, 0.1, 0.9));
  }
  // a visit or the way to work: office hours, and on the last day before the history ends
  const midnight = beijingMidnight(dayNumber);
  const latest = Math.min(midnight + 17.5 * HOUR_MS, endAt.getTime());
  const earliest = Math.min(midnight + 8.5 * HOUR_MS, latest);
  return new Date(earliest + random.next() * (latest - earliest));
}

function fateOf(random: DemoRandom, kind: FindingKind, work: HistoryGridWork, at: Date) {
  const t = at.getTime();
  if (random.next() < FINDING_ODDS.dismissed) {
    return { fate: 'dismiss' as const, fateAt: new Date(t + between(random, 10, 180) * MINUTE_MS) };
  }
  if (random.next() < kind.reportUp) {
    const delay =
      random.next() < FINDING_ODDS.reportedAtOnce
        ? between(random, 10, 60) * MINUTE_MS
        : between(random, 2, 20) * DAY_MS;
    return { fate: 'report' as const, fateAt: new Date(t + delay) };
  }
  const r = random.next();
  const afterWeeks = Math.min(0.5, FINDING_ODDS.solvedAfterWeeks * work.traits.laxity);
  const delay =
    r < afterWeeks
      ? between(random, 3, 70) * DAY_MS
      : r < afterWeeks + FINDING_ODDS.solvedWithinDays
        ? between(random, 2, 48) * HOUR_MS
        : between(random, 5, 45) * MINUTE_MS;
  return { fate: 'solve' as const, fateAt: new Date(t + delay) };
}

/**
 * Draws the findings of one Beijing day: each in a grid drawn by its activity, of a kind in season, found on
 * one of that grid's patrols of the day when it had one, with what will become of it.
 */
export function planFindingsOfDay(
  random: DemoRandom,
  w: GridHistoryWorld,
  dayNumber: number,
  count: number,
  patrolsByGrid: ReadonlyMap<number, GeneratedPatrol[]>,
  endAt: Date,
): PlannedFinding[] {
  const month = new Date(dayNumber * DAY_MS).getUTCMonth() + 1;
  const kinds = kindsOf(month).map((k) => [k, k.weight] as const);
  const planned: PlannedFinding[] = [];
  for (let i = 0; i < count; i++) {
    const work = drawGrid(random, w);
    const kind = drawWeighted(random, kinds);
    const patrols = patrolsByGrid.get(work.grid.id) ?? [];
    const patrol = patrols.length > 0 && random.next() < FINDING_ODDS.onPatrol ? random.pick(patrols) : null;
    const occurredAt = foundAt(random, dayNumber, patrol, endAt);
    const spot = random.pick(SPOTS);
    const { fate, fateAt } = fateOf(random, kind, work, occurredAt);
    const note =
      fate === 'dismiss'
        ? random.pick(DISMISS_REASONS)
        : fate === 'report'
          ? kind.reported
          : random.pick(kind.solved);
    planned.push({
      work,
      kind,
      category: random.pick(w.leavesOf.get(kind)!),
      occurredAt,
      point: pointNear(random, work),
      address: `${work.grid.districtName}${work.grid.townName}${work.grid.communityName}${spot}`,
      description: fill(random.pick(kind.texts), work, spot),
      patrol,
      fate,
      fateAt,
      note,
    });
  }
  return planned;
}

/** The case a finding is reported up as: where it was found, under its category, in its words. */
export function caseOfFinding(planned: PlannedFinding, findingId: number): GivenCase {
  return {
    source: 'grid_patrol',
    grid: planned.work.grid,
    point: planned.point,
    category: planned.category,
    text: {
      title: `${planned.work.grid.communityName}${planned.kind.title}`,
      description: `${planned.description}\n上报说明：${planned.note}`,
    },
    externalRef: `GF${findingId}`,
  };
}

/** The states a case ends in, which the finding reported up as it follows (`findFindingsWhoseCaseEnded`). */
const CASE_ENDS = new Set(['closed', 'resolved_on_call', 'invalidated', 'transferred_110', 'merged']);

/** When a generated case came to an end, or null if it had not by the end of its story. */
export function caseEndOf(generated: GeneratedCase): Date | null {
  return generated.events.find((e) => e.action !== 'sla' && CASE_ENDS.has(e.toState))?.at ?? null;
}

const SYSTEM: StoryActor = { actorUserId: null, actorName: '系统', actorOrgId: 0 };

/** A finding's story: its timeline as the live actions would have written it, cut off at `endAt`. */
export interface FindingStory {
  story: LifecycleStory<GridFindingState, GridFindingAction>;
  resolutionNote: string | null;
  closedAt: Date | null;
}

/**
 * Plays a finding's life through the finding lifecycle of `packages/shared`: recorded; then solved on the
 * spot, withdrawn, or reported up as the case `reported` (id and number) — and concluded by the platform a
 * minute or two after that case ended, as the live job does.
 */
export function tellFinding(
  random: DemoRandom,
  planned: PlannedFinding,
  endAt: Date,
  reported: { caseId: number; caseNumber: string; endedAt: Date | null } | null,
): FindingStory {
  const story = new LifecycleStory(GRID_FINDING_LIFECYCLE, endAt);
  const worker = planned.work.worker;
  story.act({
    at: planned.occurredAt,
    action: 'record',
    actor: worker,
    note: planned.description,
    changes: { photos: 0 },
  });
  let resolutionNote: string | null = null;
  let closedAt: Date | null = null;
  const at = planned.fateAt;
  if (planned.fate === 'solve') {
    const changes = { beforePhotos: 0, afterPhotos: 0 };
    if (story.act({ at, action: 'solve_on_spot', actor: worker, note: planned.note, changes })) {
      resolutionNote = planned.note;
      closedAt = story.lastAt;
    }
  } else if (planned.fate === 'dismiss') {
    if (story.act({ at, action: 'dismiss', actor: worker, note: planned.note })) {
      resolutionNote = planned.note;
      closedAt = story.lastAt;
    }
  } else if (reported) {
    const changes = { caseId: reported.caseId, caseNumber: reported.caseNumber };
    story.act({ at, action: 'report_up', actor: worker, note: planned.note, changes });
    resolutionNote = planned.note;
    if (reported.endedAt) {
      const concludeAt = new Date(reported.endedAt.getTime() + between(random, 1, 3) * MINUTE_MS);
      const changesOfConclusion = { caseId: reported.caseId };
      if (story.act({ at: concludeAt, action: 'conclude', actor: SYSTEM, changes: changesOfConclusion }))
        closedAt = story.lastAt;
    }
  }
  return { story, resolutionNote, closedAt };
}
