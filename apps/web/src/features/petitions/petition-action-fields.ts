import {
  PETITION_ACTION_INPUTS,
  PETITION_CONTACT_CHANNELS,
  PETITION_RISK_KINDS,
  type PetitionActionOnPetition,
  SATISFACTION_LEVELS,
} from '@shanzhi/shared';
import type { MessageKey } from '../../i18n/messages.zh-CN.js';

/** One field of an action's dialog: its name in the body, its label, and how it is typed. */
export interface PetitionActionFieldSpec {
  name: string;
  labelKey: MessageKey;
  kind: 'text' | 'textarea' | 'days' | 'yes_no' | 'choice' | 'scan';
  /** the values of a choice, labelled by `<choicePrefix>.<value>` */
  choices?: readonly string[];
  choicePrefix?: string;
  optional?: boolean;
}

const note = (optional = true): PetitionActionFieldSpec => ({
  name: 'note',
  labelKey: 'petition.field.note',
  kind: 'textarea',
  optional,
});
const reason: PetitionActionFieldSpec = {
  name: 'reason',
  labelKey: 'petition.field.reason',
  kind: 'textarea',
};
const answer: PetitionActionFieldSpec = {
  name: 'answer',
  labelKey: 'petition.field.answer',
  kind: 'textarea',
};

/** The fields of each action's dialog, in the order they are asked; the body is checked by its shared schema. */
export const PETITION_ACTION_FIELDS: Record<PetitionActionOnPetition, readonly PetitionActionFieldSpec[]> = {
  accept: [note()],
  refuse: [reason],
  verify: [
    { name: 'body', labelKey: 'petition.field.body', kind: 'text' },
    { name: 'findings', labelKey: 'petition.field.findings', kind: 'textarea' },
  ],
  contact: [
    { name: 'party', labelKey: 'petition.field.party', kind: 'text' },
    {
      name: 'channel',
      labelKey: 'petition.field.channel',
      kind: 'choice',
      choices: PETITION_CONTACT_CHANNELS,
      choicePrefix: 'petition.channel',
    },
    note(false),
  ],
  extend: [
    { name: 'days', labelKey: 'petition.field.days', kind: 'days' },
    reason,
    { name: 'approvedBy', labelKey: 'petition.field.approvedBy', kind: 'text' },
  ],
  answer: [answer],
  feedback: [note(false)],
  request_review: [reason],
  review: [answer],
  request_re_review: [reason],
  start_hearing: [note(false)],
  end_hearing: [note(false)],
  re_review: [answer],
  close: [{ name: 'resolved', labelKey: 'petition.field.resolved', kind: 'yes_no' }, note()],
  visit_back: [
    {
      name: 'satisfaction',
      labelKey: 'petition.field.satisfaction',
      kind: 'choice',
      choices: SATISFACTION_LEVELS,
      choicePrefix: 'petition.satisfaction',
    },
    note(),
  ],
  flag_risk: [
    {
      name: 'kind',
      labelKey: 'petition.field.riskKind',
      kind: 'choice',
      choices: PETITION_RISK_KINDS,
      choicePrefix: 'petition.risk',
    },
    { name: 'reason', labelKey: 'petition.field.riskReason', kind: 'textarea' },
  ],
  unflag_risk: [reason],
  take: [note()],
  attach_signed_entrustment: [{ name: 'scan', labelKey: 'petition.field.scan', kind: 'scan' }],
};

/** The actions that refuse or raise an alarm: red buttons. */
export const DANGEROUS_PETITION_ACTIONS: readonly PetitionActionOnPetition[] = ['refuse', 'flag_risk'];

/** The actions that carry a petition on in its usual course: primary buttons. */
export const PRIMARY_PETITION_ACTIONS: readonly PetitionActionOnPetition[] = [
  'take',
  'accept',
  'answer',
  'close',
];

/** An action's body from the dialog's values: blank optional text left out, the version added. */
export function petitionActionBodyOf(
  action: PetitionActionOnPetition,
  values: Record<string, unknown>,
  version: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  for (const field of PETITION_ACTION_FIELDS[action]) {
    const value = values[field.name];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    body[field.name] = value;
  }
  return body;
}

/** The shared schema's verdict on a body: the messages by field, ready for the form. */
export function validatePetitionActionBody(
  action: PetitionActionOnPetition,
  body: Record<string, unknown>,
): { ok: boolean; fields: { name: string; message: string }[] } {
  const parsed = PETITION_ACTION_INPUTS[action].safeParse(body);
  if (parsed.success) return { ok: true, fields: [] };
  return {
    ok: false,
    fields: parsed.error.issues.map((issue) => ({
      name: String(issue.path[0] ?? ''),
      message: issue.message,
    })),
  };
}
