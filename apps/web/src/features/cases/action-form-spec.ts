import type { CaseAction } from '@shanzhi/shared';
import type { MessageKey } from '../../i18n/messages.zh-CN.js';

/** How a field of an action dialog is edited. */
export type ActionFieldKind =
  | 'text'
  | 'textarea'
  | 'unit'
  | 'units'
  | 'switch'
  | 'yesno'
  | 'satisfaction'
  | 'level'
  | 'datetime'
  | 'knowledge'
  | 'template'
  | 'case'
  | 'attachments';

/** One field of an action dialog: its name in the action's input schema, how it is edited, its label. */
export interface ActionFieldSpec {
  name: string;
  kind: ActionFieldKind;
  label: MessageKey;
  /** shown with a required mark (the shared schema decides what is really required) */
  required?: boolean;
  /** placeholder or hint under the field */
  hint?: MessageKey;
}

const note = (label: MessageKey): ActionFieldSpec => ({ name: 'note', kind: 'textarea', label });
const reason = (label: MessageKey): ActionFieldSpec => ({
  name: 'reason',
  kind: 'textarea',
  label,
  required: true,
});

/**
 * The fields of each action's dialog, in the order shown. Validation is the shared zod schema of the action
 * (`ACTION_INPUT_SCHEMAS`), never rules written here; `version` is added by the dialog.
 */
export const ACTION_FIELDS: Record<Exclude<CaseAction, 'register'>, ActionFieldSpec[]> = {
  resolve_on_call: [
    { name: 'knowledgeEntryId', kind: 'knowledge', label: 'field.knowledgeEntry' },
    { name: 'answer', kind: 'textarea', label: 'field.answer', required: true },
  ],
  dispatch: [
    { name: 'leadUnitId', kind: 'unit', label: 'field.leadUnit', required: true },
    { name: 'coHandlerIds', kind: 'units', label: 'field.coHandlers' },
    note('field.dispatchNote'),
  ],
  accept: [note('field.acceptNote')],
  return: [reason('field.returnReason')],
  progress: [
    { name: 'note', kind: 'textarea', label: 'field.progressNote', required: true },
    { name: 'attachmentIds', kind: 'attachments', label: 'field.photos' },
  ],
  request_extension: [
    {
      name: 'newDeadline',
      kind: 'datetime',
      label: 'field.newDeadline',
      required: true,
      hint: 'field.newDeadlineHint',
    },
    reason('field.extensionReason'),
  ],
  approve_extension: [note('field.reviewNote')],
  refuse_extension: [note('field.reviewNote')],
  reply: [
    { name: 'templateId', kind: 'template', label: 'field.template' },
    { name: 'content', kind: 'textarea', label: 'field.replyContent', required: true },
    { name: 'attachmentIds', kind: 'attachments', label: 'field.photos' },
  ],
  review: [note('field.reviewNote')],
  rework: [reason('field.reworkReason')],
  callback: [
    { name: 'reached', kind: 'yesno', label: 'field.reached', required: true },
    { name: 'contacted', kind: 'yesno', label: 'field.contacted' },
    { name: 'solved', kind: 'yesno', label: 'field.solved' },
    { name: 'satisfaction', kind: 'satisfaction', label: 'field.satisfaction' },
    note('field.callbackNote'),
  ],
  close: [note('field.closeNote')],
  reopen: [reason('field.reopenReason')],
  supervise: [
    { name: 'level', kind: 'level', label: 'field.supervisionLevel', required: true },
    { name: 'note', kind: 'textarea', label: 'field.superviseNote', required: true },
  ],
  merge: [{ name: 'masterCaseId', kind: 'case', label: 'field.masterCase', required: true }],
  unmerge: [reason('field.unmergeReason')],
  transfer_to_110: [
    { name: 'threeWayCall', kind: 'switch', label: 'field.threeWayCall' },
    { name: 'externalRef', kind: 'text', label: 'field.policeRef' },
    { name: 'note', kind: 'textarea', label: 'field.transferNote', required: true },
  ],
  transfer_from_110: [{ name: 'externalRef', kind: 'text', label: 'field.policeRef', required: true }],
  escalate: [reason('field.escalateReason')],
  consult: [
    { name: 'unitIds', kind: 'units', label: 'field.consultUnits', required: true },
    { name: 'note', kind: 'textarea', label: 'field.consultNote', required: true },
  ],
  invalidate: [reason('field.invalidateReason')],
};

/** Actions that undo or refuse work: their confirm button is red. */
export const DANGEROUS_ACTIONS: readonly CaseAction[] = [
  'return',
  'rework',
  'invalidate',
  'refuse_extension',
];

/** The actions that move a case on in its usual course: their buttons are primary. */
export const PRIMARY_ACTIONS: readonly CaseAction[] = [
  'dispatch',
  'accept',
  'reply',
  'review',
  'callback',
  'close',
  'resolve_on_call',
  'approve_extension',
];
