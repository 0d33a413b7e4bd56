import type { KnowledgeEntry } from '@shanzhi/shared';
import { App, Form, type FormInstance } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { showServerFieldErrors } from '../../../platform/forms/zod-rules.js';
import { type CaseDetail, fetchCase, registerCase } from '../../cases/api/cases.api.js';
import type { PickedPlace } from '../../cases/components/LocationField.js';
import { checkIntake, INTAKE_FIELDS } from '../intake-values.js';

/** What to do with the case right after registering it: 直接办结 or 转110, with the dialog's first values. */
export interface FollowUp {
  action: 'resolve_on_call' | 'transfer_to_110';
  initial?: Record<string, unknown>;
}

/**
 * Registering the call: `register()` checks the form against the shared schema, sends it once and answers the
 * case, or null with the errors on the form's fields and the rest in `general`. Once registered, it answers
 * the same case again.
 */
function useRegistration(form: FormInstance, place: PickedPlace | null) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [registered, setRegistered] = useState<CaseDetail | null>(null);

  async function register(): Promise<CaseDetail | null> {
    if (registered) return registered;
    const check = checkIntake(form.getFieldsValue(true) as Record<string, unknown>, place);
    const errors = check.ok ? new Map<string, string>() : check.errors;
    form.setFields(
      INTAKE_FIELDS.map((name) => ({ name, errors: errors.has(name) ? [errors.get(name)!] : [] })),
    );
    setGeneral(check.ok ? [] : check.unplaced);
    if (!check.ok) {
      message.error(t('intake.fixErrors'));
      return null;
    }
    setBusy(true);
    try {
      const detail = await registerCase(check.body);
      setRegistered(detail);
      message.success(t('intake.registeredToast', { number: detail.number }));
      return detail;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        setGeneral(showServerFieldErrors(form, error, INTAKE_FIELDS));
      } else setGeneral([errorText(error, t)]);
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { busy, general, setGeneral, registered, setRegistered, register };
}

/**
 * The state of one call on the intake page: the form, the place picked on the map, the case once registered,
 * the follow-up dialog after it and the catalog area a suggestion asked to open.
 */
export function useIntakeForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const [followUp, setFollowUp] = useState<FollowUp | null>(null);
  // a suggested area to open the catalog at (a new object each time, so the same area opens it again)
  const [browse, setBrowse] = useState<{ id: number } | null>(null);
  const { setGeneral, ...registration } = useRegistration(form, place);
  const { registered, setRegistered, register } = registration;

  async function registerThen(next: FollowUp) {
    const detail = await register();
    if (!detail) return;
    if (!detail.actions.includes(next.action)) {
      message.warning(t('intake.actionUnavailable'));
      return;
    }
    setFollowUp(next);
  }

  return {
    ...registration,
    form,
    place,
    followUp,
    browse,
    /** Opens the catalog at a suggested area. */
    browseCategory: (id: number) => setBrowse({ id }),
    closeFollowUp: () => setFollowUp(null),
    /** Reloads the registered case after someone else changed it. */
    reload: () => {
      if (registered) void fetchCase(registered.id).then(setRegistered);
    },
    /** Takes the place picked on the map, and its area as the address when none was typed. */
    pickPlace: (picked: PickedPlace | null) => {
      setPlace(picked);
      form.setFields([{ name: 'location', errors: [] }]);
      if (picked && !form.getFieldValue('address')) form.setFieldValue('address', picked.areaName);
    },
    /** Registers the case, then opens 直接办结 with the knowledge entry's answer. */
    resolveWith: (entry: KnowledgeEntry) =>
      void registerThen({
        action: 'resolve_on_call',
        initial: { knowledgeEntryId: entry.id, answer: entry.answer },
      }),
    /** Registers the case, then opens 转110. */
    transfer110: () => void registerThen({ action: 'transfer_to_110' }),
    /** Clears the page for the next call, the cursor back in the phone number. */
    startOver: () => {
      form.resetFields();
      setPlace(null);
      setRegistered(null);
      setGeneral([]);
      setFollowUp(null);
      window.setTimeout(() => document.getElementById('intake_citizenPhone')?.focus(), 0);
    },
  };
}

/** The intake page's call, as `useIntakeForm()` answers it. */
export type IntakeForm = ReturnType<typeof useIntakeForm>;
