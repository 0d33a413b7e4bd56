import type { FormInstance, FormRule } from 'antd';
import { errorText } from '../../i18n/error-text.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import { ApiError } from '../api/index.js';

/** The little of a zod schema a form rule needs. */
interface SafeParser {
  safeParse: (
    value: unknown,
  ) => { success: true } | { success: false; error: { issues: { message: string }[] } };
}

/**
 * An antd form rule that runs a shared zod schema, so the form says exactly what the server would say for the
 * same mistake. `prepare` turns the field's value into what the API receives (empty → null, trimmed …).
 */
export function zodRule(schema: SafeParser, prepare: (value: unknown) => unknown = (v) => v): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(prepare(value));
      if (!result.success) throw new Error(result.error.issues[0]?.message);
    },
  };
}

/** A dotted API field path (`acceptLimit.value`, `days.3.date`) as an antd name path. */
function namePathOf(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's field errors (`error.fields[]`) on the form fields they name. Returns the messages of the
 * errors no field of `known` can show (they deserve a place on the page too), or an empty list.
 */
export function showServerFieldErrors(
  form: FormInstance,
  error: ApiError,
  known: readonly string[],
): string[] {
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const fieldError of error.fields) {
    const path = namePathOf(fieldError.field);
    // The deepest known prefix of the path holds the message (`acceptLimit.value` → `acceptLimit.value`
    // if the form has it, else `acceptLimit`).
    let target: (string | number)[] | null = null;
    for (let length = path.length; length > 0; length--) {
      const prefix = path.slice(0, length);
      if (known.includes(prefix.join('.'))) {
        target = prefix;
        break;
      }
    }
    if (target) placed.push({ name: target, errors: [fieldError.message] });
    else unplaced.push(`${fieldError.field}: ${fieldError.message}`);
  }
  if (placed.length > 0) form.setFields(placed);
  return unplaced;
}

/**
 * What a form shows above its fields after a failed submit: the server's field errors go on the fields of
 * `known`; the answer is null when every error found its field, else the failure in words with the errors
 * no field could show.
 */
export function formFailure(
  form: FormInstance,
  error: unknown,
  known: readonly string[],
  t: Translate,
): string | null {
  const rest = error instanceof ApiError ? showServerFieldErrors(form, error, known) : [];
  if (error instanceof ApiError && error.fields.length > 0 && rest.length === 0) return null;
  return [errorText(error, t), ...rest].join('；');
}
