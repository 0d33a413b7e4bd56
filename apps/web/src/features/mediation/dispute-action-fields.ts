import {
  AGREEMENT_FORM_LABELS,
  AGREEMENT_FORMS,
  CONFIRMATION_RULINGS,
  CONFIRMATION_STAGE_LABELS,
  DIFFICULTIES,
  DIFFICULTY_LABELS,
  DISPUTE_ACTION_INPUTS,
  type DisputeActionOnDispute,
  DISPUTE_FIELD_NAMES as F,
  PARTY_CONFIRMATION_METHOD_LABELS,
  REFERRAL_TARGET_LABELS,
  REFERRAL_TARGETS,
  SESSION_MODE_LABELS,
  SESSION_MODES,
} from '@shanzhi/shared';
import type { Dayjs } from 'dayjs';
import { apiValue } from '../cases/action-body.js';

/** How a field of a dispute action's dialog is edited. */
export type DisputeFieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'select'
  | 'datetime'
  | 'committee'
  | 'mediator'
  | 'party'
  | 'terms';

/** One field of a dispute action's dialog: its name in the action's shared input schema, editor, label. */
export interface DisputeFieldSpec {
  name: string;
  kind: DisputeFieldKind;
  label: string;
  required?: boolean;
  /** the choices of a `select` */
  options?: readonly { value: string; label: string }[];
}

const choices = <V extends string>(values: readonly V[], labels: Record<V, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
const textarea = (name: string, label: string, required = false): DisputeFieldSpec => ({
  name,
  kind: 'textarea',
  label,
  required,
});
const RULING_LABELS = {
  accepted: CONFIRMATION_STAGE_LABELS.accepted,
  not_accepted: CONFIRMATION_STAGE_LABELS.not_accepted,
  confirmed: CONFIRMATION_STAGE_LABELS.confirmed,
  rejected: CONFIRMATION_STAGE_LABELS.rejected,
};

/**
 * The fields of each dispute action's dialog, in the order shown. Validation is the action's shared zod
 * schema (`DISPUTE_ACTION_INPUTS`), never rules written here; `version` is added by the dialog.
 */
export const DISPUTE_ACTION_FIELDS: Record<DisputeActionOnDispute, DisputeFieldSpec[]> = {
  accept: [
    {
      name: 'difficulty',
      kind: 'select',
      label: '难易程度',
      options: choices(DIFFICULTIES, DIFFICULTY_LABELS),
    },
    textarea('note', '受理意见'),
  ],
  assign: [
    { name: 'committeeId', kind: 'committee', label: F.committee, required: true },
    { name: 'mediatorId', kind: 'mediator', label: F.mediator, required: true },
    textarea('note', '指派说明'),
  ],
  consent: [textarea('note', '同意情况')],
  refuse: [textarea('reason', '拒绝理由', true)],
  extend: [
    { name: 'days', kind: 'number', label: '延长天数', required: true },
    textarea('reason', '延期理由', true),
  ],
  record_session: [
    {
      name: 'mode',
      kind: 'select',
      label: '调解方式',
      required: true,
      options: choices(SESSION_MODES, SESSION_MODE_LABELS),
    },
    { name: 'heldAt', kind: 'datetime', label: '调解时间', required: true },
    { name: 'place', kind: 'text', label: '调解地点' },
    { name: 'videoLink', kind: 'text', label: '视频会议链接' },
    { name: 'attendees', kind: 'text', label: '参加人员' },
    { name: 'minutes', kind: 'textarea', label: F.minutes, required: true },
  ],
  agree: [
    {
      name: 'form',
      kind: 'select',
      label: '协议形式',
      required: true,
      options: choices(AGREEMENT_FORMS, AGREEMENT_FORM_LABELS),
    },
    textarea('facts', '纠纷主要事实'),
    textarea('issues', '争议事项'),
    { name: 'terms', kind: 'terms', label: F.terms, required: true },
  ],
  confirm_agreement: [
    { name: 'partyId', kind: 'party', label: '当事人', required: true },
    {
      name: 'method',
      kind: 'select',
      label: '确认方式',
      required: true,
      // a party confirms online himself, in the room: staff record the signed paper
      options: choices(['signed_scan'], PARTY_CONFIRMATION_METHOD_LABELS),
    },
    textarea('note', '确认说明'),
  ],
  fail: [textarea('reason', '调解不成原因', true)],
  escalate: [textarea('reason', '上移理由', true)],
  refer: [
    {
      name: 'to',
      kind: 'select',
      label: '引导去向',
      required: true,
      options: choices(REFERRAL_TARGETS, REFERRAL_TARGET_LABELS),
    },
    textarea('note', '告知情况', true),
  ],
  refer_to_hotline: [textarea('note', '情况说明', true)],
  transfer_to_case: [textarea('note', '转办说明', true)],
  record_performance: [
    { name: 'visitedAt', kind: 'datetime', label: '回访时间' },
    textarea('note', '回访情况', true),
  ],
  apply_confirmation: [
    { name: 'court', kind: 'text', label: F.court, required: true },
    { name: 'appliedAt', kind: 'datetime', label: '申请时间' },
    textarea('note', '申请说明'),
  ],
  record_confirmation_ruling: [
    {
      name: 'ruling',
      kind: 'select',
      label: '法院裁定',
      required: true,
      options: choices(CONFIRMATION_RULINGS, RULING_LABELS),
    },
    { name: 'at', kind: 'datetime', label: '裁定时间' },
    textarea('note', '裁定说明'),
  ],
  close: [textarea('note', '结案说明')],
};

/** The actions whose confirm button is red: they end mediation without agreement. */
export const DANGEROUS_DISPUTE_ACTIONS: readonly DisputeActionOnDispute[] = ['refuse', 'fail'];

/** An agreement term as the dialog holds it: the due date picked as a day. */
interface TermValues {
  content?: string;
  how?: string;
  dueDate?: Dayjs | string | null;
}

/** A term's due date as the API wants it: `YYYY-MM-DD`. */
function dayOf(value: TermValues['dueDate']): string | undefined {
  if (!value) return undefined;
  return typeof value === 'string' ? value : value.format('YYYY-MM-DD');
}

/** The request body of a dispute action from its dialog's values, plus the version the user saw. */
export function disputeActionBodyOf(
  action: DisputeActionOnDispute,
  values: Record<string, unknown>,
  version: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  for (const field of DISPUTE_ACTION_FIELDS[action]) {
    const raw = values[field.name];
    const value =
      field.kind === 'terms'
        ? ((raw as TermValues[] | undefined) ?? []).map((t) => ({
            content: apiValue(t?.content),
            how: apiValue(t?.how),
            dueDate: dayOf(t?.dueDate),
          }))
        : apiValue(raw);
    if (value !== undefined) body[field.name] = value;
  }
  return body;
}

/** Checks a body with the action's shared schema: field errors by name path, and those of no field. */
export function validateDisputeActionBody(action: DisputeActionOnDispute, body: Record<string, unknown>) {
  const result = DISPUTE_ACTION_INPUTS[action].safeParse(body);
  const fields: { name: (string | number)[]; message: string }[] = [];
  const general: string[] = [];
  if (!result.success) {
    const known = new Set(DISPUTE_ACTION_FIELDS[action].map((f) => f.name));
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (known.has(String(path[0] ?? ''))) fields.push({ name: path, message: issue.message });
      else general.push(issue.message);
    }
  }
  return { ok: result.success, fields, general };
}
