import { ACTION_INPUT_SCHEMAS, type CaseAction } from '@shanzhi/shared';
import type { Dayjs } from 'dayjs';
import { ACTION_FIELDS } from './action-form-spec.js';

type OnCase = Exclude<CaseAction, 'register'>;

/** A form field's value as the API receives it: trimmed text, empty → left out, a date → ISO with offset. */
export function apiValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (
    value &&
    typeof value === 'object' &&
    'format' in value &&
    typeof (value as Dayjs).format === 'function'
  ) {
    return (value as Dayjs).format('YYYY-MM-DDTHH:mm:ssZ');
  }
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value;
}

/**
 * The request body of an action from its dialog's values: the action's fields plus the version the user saw.
 * Fixed parts of some actions live here (a review from this dialog is an approval; an unanswered callback
 * carries no answers) — they are the shape of the input, not business rules.
 */
export function actionBodyOf(action: OnCase, values: Record<string, unknown>, version: number) {
  const body: Record<string, unknown> = { version };
  for (const field of ACTION_FIELDS[action]) {
    const value = apiValue(values[field.name]);
    if (value !== undefined) body[field.name] = value;
  }
  if (action === 'review') body.outcome = 'approve';
  if (action === 'transfer_to_110') body.threeWayCall = values.threeWayCall === true;
  if (action === 'callback' && body.reached === false) {
    body.contacted = null;
    body.solved = null;
    body.satisfaction = null;
  }
  return body;
}

/** Checks a body with the action's shared schema: the field errors by field name, and those of no field. */
export function validateActionBody(action: OnCase, body: Record<string, unknown>) {
  const result = ACTION_INPUT_SCHEMAS[action].safeParse(body);
  const fields = new Map<string, string>();
  const general: string[] = [];
  if (!result.success) {
    const known = new Set(ACTION_FIELDS[action].map((f) => f.name));
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (known.has(name)) {
        if (!fields.has(name)) fields.set(name, issue.message);
      } else general.push(issue.message);
    }
  }
  return { ok: result.success, fields, general };
}
