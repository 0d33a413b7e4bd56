import {
  DAY_MS,
  type IotRuleCreateInput,
  type IotRuleTally,
  type IotRuleTrial,
  isInRuleWindow,
  MINUTE_MS,
  parseClockMinutes,
  type RuleOutcome,
  toBeijingClock,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { listAlertsOfTypes, type TrialAlertRow } from './iot.repository.js';
import { assertRuleEnds } from './rules.service.js';

/** How far back a trial looks: the last week. */
const TRIAL_DAYS = 7;

const emptyTally = (): IotRuleTally => ({ alerts: 0, cases: 0, dismissed: 0, notified: 0, repeatsFolded: 0 });

/** What the stored alerts record: cases opened, dismissals, the rest only informed, the repeats counted on them. */
export function tallyActual(alerts: readonly TrialAlertRow[]): IotRuleTally {
  const tally = emptyTally();
  for (const a of alerts) {
    tally.alerts += 1;
    if (a.caseId !== null) tally.cases += 1;
    else if (a.state === 'dismissed') tally.dismissed += 1;
    else tally.notified += 1;
    tally.repeatsFolded += a.count - 1;
  }
  return tally;
}

/** Counts `n` new alerts under an outcome. */
function countAlerts(tally: IotRuleTally, outcome: RuleOutcome, n: number): void {
  tally.alerts += n;
  if (outcome === 'open_case') tally.cases += n;
  else if (outcome === 'dismiss') tally.dismissed += n;
  else tally.notified += n;
}

/**
 * What a rule would have made of the stored alerts, oldest first: an alert within the suppression window of
 * the last one of its device that stayed active folds into it (a dismissed alert is no longer active, so
 * after 自动排除 nothing folds); any other raises an alert that the outcome decides. The repeats already
 * counted on a stored alert came within the old window, whose times are not kept: they fold again when the
 * rule keeps alerts active with a window, and are alerts of their own otherwise.
 */
export function tallyTrial(
  alerts: readonly TrialAlertRow[],
  rule: Pick<IotRuleCreateInput, 'outcome' | 'suppressMinutes'>,
): IotRuleTally {
  const tally = emptyTally();
  const staysActive = rule.outcome !== 'dismiss' && rule.suppressMinutes > 0;
  const windowMs = rule.suppressMinutes * MINUTE_MS;
  const lastOf = new Map<number, number>();
  for (const a of alerts) {
    const last = lastOf.get(a.deviceId);
    const folds = staysActive && last !== undefined && a.createdAt.getTime() - last <= windowMs;
    if (folds) tally.repeatsFolded += 1;
    else countAlerts(tally, rule.outcome, 1);
    if (staysActive) {
      tally.repeatsFolded += a.count - 1;
      lastOf.set(a.deviceId, a.lastRaisedAt.getTime());
    } else countAlerts(tally, rule.outcome, a.count - 1);
  }
  return tally;
}

/**
 * 试运行: an unsaved rule against the stored alerts of its scope (types, estate, time of day) of the last 7
 * days — how many alerts it would have raised, cases opened, dismissed, only informed, repeats folded — beside
 * what the alerts record. A rule that could not be saved for looping (IOT_RULE_LOOP) is refused here already.
 */
export async function trialRule(ctx: AppContext, rule: IotRuleCreateInput): Promise<IotRuleTrial> {
  assertRuleEnds(rule);
  const to = ctx.clock.now();
  const from = new Date(to.getTime() - TRIAL_DAYS * DAY_MS);
  const stored = await listAlertsOfTypes(ctx.db, { ...rule, from, to });
  const inScope = stored.filter((a) => isInRuleWindow(rule, parseClockMinutes(toBeijingClock(a.createdAt))));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    wouldHave: tallyTrial(inScope, rule),
    actually: tallyActual(inScope),
  };
}
