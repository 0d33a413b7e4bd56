import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formFailure } from './zod-rules.js';

/**
 * Saving a form through the API: `submit(values)` runs `save`, says 「已保存」 when it succeeds, and on failure
 * puts the server's field errors on the fields of `known` and the rest in `formError` (for an alert above the
 * form).
 */
export function useSaveForm<V>(
  form: FormInstance<V>,
  known: readonly string[],
  save: (values: V) => Promise<void>,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(values: V) {
    setSaving(true);
    setFormError(null);
    try {
      await save(values);
      message.success(t('common.saved'));
    } catch (error) {
      setFormError(formFailure(form, error, known, t));
    } finally {
      setSaving(false);
    }
  }

  return { saving, formError, setFormError, submit };
}
