import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formFailure } from './zod-rules.js';

/** A save through the API: it answers `unchanged` when there was nothing to send, else nothing. */
export type FormSave<V> = (values: V) => Promise<void> | Promise<'unchanged' | undefined>;

/**
 * Saving a form through the API: `submit(values)` runs `save`, says 「已保存」 (or `savedMessage`) when it
 * succeeds and 「没有修改」 when there was nothing to save, and on failure puts the server's field errors on
 * the fields of `known` and the rest in `formError` (for an alert above the form).
 */
export function useSaveForm<V>(
  form: FormInstance<V>,
  known: readonly string[],
  save: FormSave<V>,
  savedMessage?: string,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(values: V) {
    setSaving(true);
    setFormError(null);
    try {
      if ((await save(values)) === 'unchanged') message.info(t('common.noChanges'));
      else message.success(savedMessage ?? t('common.saved'));
    } catch (error) {
      setFormError(formFailure(form, error, known, t));
    } finally {
      setSaving(false);
    }
  }

  return { saving, formError, setFormError, submit };
}
