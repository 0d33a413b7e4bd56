import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { errorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ApiError } from '../api/index.js';
import { showServerFieldErrors } from './zod-rules.js';

/**
 * Sending a lifecycle action from its dialog (a case's, a dispute's, a petition's): busy while it goes; on
 * success `onSent` with the answer and the dialog closed; a stale version (409 VERSION_CONFLICT) warned of with
 * `staleMessage`, `onStale` (the caller reloads) and the dialog closed; the server's field errors on the
 * fields they name, anything else among the dialog's general errors.
 */
export function useActionSending(
  form: FormInstance,
  { staleMessage, onStale, onClose }: { staleMessage: string; onStale: () => void; onClose: () => void },
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);

  async function send<T>(request: () => Promise<T>, fieldNames: string[], onSent: (answer: T) => void) {
    setBusy(true);
    try {
      onSent(await request());
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        message.warning(staleMessage);
        onStale();
        onClose();
      } else if (error instanceof ApiError && error.fields.length > 0) {
        setGeneral(showServerFieldErrors(form, error, fieldNames));
      } else {
        setGeneral([errorText(error, t)]);
      }
    } finally {
      setBusy(false);
    }
  }

  return { busy, general, setGeneral, send };
}
