import { z } from 'zod';
import type { CaseAction } from '../cases/case-actions.js';
import { type CaseState, isCaseOpen } from '../cases/case-states.js';

/** The two statuses of a service request in GeoReport v2: reported and not yet resolved, or resolved. */
export const OPEN311_STATUSES = ['open', 'closed'] as const;
export const Open311Status = z.enum(OPEN311_STATUSES);
export type Open311Status = z.infer<typeof Open311Status>;

/**
 * mySociety's extended statuses (the `servicerequestupdates` extension FixMyStreet reads and writes), upper
 * case as FixMyStreet sends them. The platform writes the first ten; it accepts all of them from a client.
 */
export const OPEN311_EXTENDED_STATUSES = [
  'OPEN',
  'INVESTIGATING',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'NO_FURTHER_ACTION',
  'NOT_COUNCILS_RESPONSIBILITY',
  'DUPLICATE',
  'INTERNAL_REFERRAL',
  'FIXED',
  'CLOSED',
  'REOPEN',
  'FOR_TRIAGE',
] as const;
export const Open311ExtendedStatus = z.enum(OPEN311_EXTENDED_STATUSES);
export type Open311ExtendedStatus = z.infer<typeof Open311ExtendedStatus>;

/**
 * A case's status for Open311: open while someone still owes it work (the lifecycle's own notion,
 * `isCaseOpen`), closed once it reached a final state — closed, answered on the call, passed to 110, merged
 * into another case or void.
 */
export function open311StatusOf(state: CaseState): Open311Status {
  return isCaseOpen(state) ? 'open' : 'closed';
}

/** What a public update says: a sentence with `{unit}`, `{deadline}`, `{master}` or `{answer}` to fill. */
export interface Open311UpdateRule {
  status: Open311ExtendedStatus;
  /** the update's description for the citizen, with its blanks */
  says: string;
}

/**
 * The timeline events an outsider may see, as Open311 updates: each lifecycle action that tells the citizen
 * where the request stands, with the extended status it reports and what it says. Every other action —
 * returns, reworks, progress notes, extension requests, supervision, consultations, callbacks, a reply still
 * under review — is the staff's business and never leaves; neither do the clock's lights.
 */
export const OPEN311_PUBLIC_UPDATES = {
  register: { status: 'OPEN', says: '诉求已受理登记，等待派单' },
  dispatch: { status: 'INVESTIGATING', says: '已转交{unit}办理' },
  accept: { status: 'IN_PROGRESS', says: '{unit}已签收，正在办理' },
  approve_extension: { status: 'ACTION_SCHEDULED', says: '办理期限延至{deadline}' },
  // the unit's answer goes out only once the centre approved it
  review: { status: 'FIXED', says: '{answer}' },
  resolve_on_call: { status: 'CLOSED', says: '{answer}' },
  close: { status: 'CLOSED', says: '已办结回访，工单结案' },
  reopen: { status: 'OPEN', says: '已重新交由{unit}办理' },
  escalate: { status: 'INTERNAL_REFERRAL', says: '已上报上级社会治理中心办理' },
  transfer_to_110: { status: 'NOT_COUNCILS_RESPONSIBILITY', says: '属于公安 110 管辖的事项，已转 110 处理' },
  transfer_from_110: { status: 'OPEN', says: '110 已转回 12345 办理' },
  merge: { status: 'DUPLICATE', says: '与工单 {master} 为同一诉求，已合并办理' },
  unmerge: { status: 'OPEN', says: '已取消合并，单独办理' },
  invalidate: { status: 'NO_FURTHER_ACTION', says: '经核实不属于有效诉求，不予办理' },
} as const satisfies Partial<Record<CaseAction, Open311UpdateRule>>;

/** A lifecycle action whose event is a public update. */
export type Open311PublicAction = keyof typeof OPEN311_PUBLIC_UPDATES;

/** Whether an event's action is a public update (the clock's `sla` and a citizen's own words are not). */
export function isOpen311PublicAction(action: string): action is Open311PublicAction {
  return Object.hasOwn(OPEN311_PUBLIC_UPDATES, action);
}

/** The blanks of an update's sentence, as far as known. */
export interface Open311UpdateFacts {
  /** the handling unit's name */
  unit?: string | null;
  /** a new deadline, already written for people */
  deadline?: string | null;
  /** the number of the master case a duplicate joined */
  master?: string | null;
  /** the approved answer, its personal numbers already masked */
  answer?: string | null;
}

const FALLBACKS: Required<{ [K in keyof Open311UpdateFacts]: string }> = {
  unit: '承办单位',
  deadline: '新的期限',
  master: '主工单',
  answer: '已办理完毕',
};

/** The update an action's event makes: its extended status and its sentence with the blanks filled. */
export function open311UpdateOf(
  action: Open311PublicAction,
  facts: Open311UpdateFacts,
): { status: Open311ExtendedStatus; description: string } {
  const rule: Open311UpdateRule = OPEN311_PUBLIC_UPDATES[action];
  const description = rule.says.replace(
    /\{(unit|deadline|master|answer)\}/g,
    (_m, key: keyof Open311UpdateFacts) => {
      const value = facts[key]?.trim();
      return value ? value : FALLBACKS[key];
    },
  );
  return { status: rule.status, description };
}
