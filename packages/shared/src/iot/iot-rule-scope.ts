import { parseClockMinutes, toBeijingClock } from '../calendar/beijing-time.js';

/**
 * A rule's scope: the device type and alert type it is for, and optionally one estate (小区) and a time of day
 * (Beijing `HH:MM`, from inclusive to exclusive; a window whose end is before its start wraps midnight,
 * 22:00–06:00 being the night).
 */
export interface IotRuleScope {
  deviceType: string;
  alertType: string;
  estateId: number | null;
  activeFrom: string | null;
  activeTo: string | null;
}

/** What a rule is chosen for: a device's alert, of its estate, at an instant. */
export interface IotRuleTarget {
  deviceType: string;
  alertType: string;
  estateId: number;
  at: Date;
}

const DAY_MINUTES = 24 * 60;

/** The minutes of the day a window covers, as half-open intervals (a window wrapping midnight is two). */
function intervalsOf(scope: Pick<IotRuleScope, 'activeFrom' | 'activeTo'>): [number, number][] {
  if (scope.activeFrom === null || scope.activeTo === null) return [[0, DAY_MINUTES]];
  const from = parseClockMinutes(scope.activeFrom);
  const to = parseClockMinutes(scope.activeTo);
  return from < to
    ? [[from, to]]
    : [
        [from, DAY_MINUTES],
        [0, to],
      ];
}

/** Whether a rule's time of day holds the minute `minuteOfDay` (Beijing); a rule without a window always does. */
export function isInRuleWindow(
  scope: Pick<IotRuleScope, 'activeFrom' | 'activeTo'>,
  minuteOfDay: number,
): boolean {
  return intervalsOf(scope).some(([from, to]) => from <= minuteOfDay && minuteOfDay < to);
}

/** 精确度: estate and time window 3, estate 2, time window 1, the general rule of the two types 0. */
export function ruleSpecificity(scope: Pick<IotRuleScope, 'estateId' | 'activeFrom'>): number {
  return (scope.estateId !== null ? 2 : 0) + (scope.activeFrom !== null ? 1 : 0);
}

/** Whether a rule applies to an alert: its types, its estate if it names one, its time of day if it has one. */
export function ruleApplies(scope: IotRuleScope, target: IotRuleTarget): boolean {
  return (
    scope.deviceType === target.deviceType &&
    scope.alertType === target.alertType &&
    (scope.estateId === null || scope.estateId === target.estateId) &&
    isInRuleWindow(scope, parseClockMinutes(toBeijingClock(target.at)))
  );
}

/**
 * The rule that decides an alert: of those that apply, the most specific (estate and window > estate >
 * window > general). Rules of one specificity never both apply, as their scopes may not overlap
 * (`rulesOverlap`).
 */
export function chooseRule<R extends IotRuleScope>(
  rules: readonly R[],
  target: IotRuleTarget,
): R | undefined {
  let best: R | undefined;
  for (const rule of rules) {
    if (!ruleApplies(rule, target)) continue;
    if (!best || ruleSpecificity(rule) > ruleSpecificity(best)) best = rule;
  }
  return best;
}

/**
 * Whether two rules claim the same alerts at the same specificity — the same types and estate (or both
 * none), and both without a window or with windows that share a minute — so neither could be said to win.
 */
export function rulesOverlap(a: IotRuleScope, b: IotRuleScope): boolean {
  if (a.deviceType !== b.deviceType || a.alertType !== b.alertType || a.estateId !== b.estateId) return false;
  if ((a.activeFrom === null) !== (b.activeFrom === null)) return false;
  return intervalsOf(a).some(([af, at]) => intervalsOf(b).some(([bf, bt]) => af < bt && bf < at));
}
