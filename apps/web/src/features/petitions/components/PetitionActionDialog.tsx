import type { PetitionActionOnPetition, PetitionDetail } from '@shanzhi/shared';
import { Alert, App, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { showServerFieldErrors } from '../../../platform/forms/zod-rules.js';
import { takePetitionAction } from '../api/petitions.api.js';
import {
  DANGEROUS_PETITION_ACTIONS,
  PETITION_ACTION_FIELDS,
  petitionActionBodyOf,
  validatePetitionActionBody,
} from '../petition-action-fields.js';
import { petitionActionLabel, petitionNumber } from '../petition-labels.js';
import { PetitionActionField } from './PetitionActionField.js';

/**
 * The dialog of one petition action: its fields, checked with the action's shared zod schema before sending,
 * the server's field errors on the fields they name, its refusals (a review after the window …) above the
 * button, and a stale version (409) turned into a reload.
 */
export function PetitionActionDialog({
  petition,
  action,
  onClose,
  onDone,
  onStale,
}: {
  petition: PetitionDetail;
  action: PetitionActionOnPetition | null;
  onClose: () => void;
  onDone: (next: PetitionDetail) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form for each opening
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setGeneral([]);
  }, [action, petition.id]);

  if (!action) return null;
  const fields = PETITION_ACTION_FIELDS[action];
  const label = petitionActionLabel(action, t);

  async function submit() {
    if (!action) return;
    const body = petitionActionBodyOf(action, form.getFieldsValue(true), petition.version);
    const check = validatePetitionActionBody(action, body);
    form.setFields(
      fields.map((f) => ({
        name: f.name,
        errors: check.fields.filter((c) => c.name === f.name).map((c) => c.message),
      })),
    );
    if (!check.ok) return;
    setBusy(true);
    try {
      const next = await takePetitionAction(petition.id, action, body as never);
      message.success(t('petition.action.done', { action: label }));
      onDone(next);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        message.warning(t('petition.action.stale'));
        onStale();
        onClose();
      } else if (error instanceof ApiError && error.fields.length > 0) {
        setGeneral(
          showServerFieldErrors(
            form,
            error,
            fields.map((f) => f.name),
          ),
        );
      } else {
        setGeneral([errorText(error, t)]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`${label} · ${petitionNumber(petition.id)}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={label}
      okButtonProps={{ danger: DANGEROUS_PETITION_ACTIONS.includes(action), loading: busy }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name={`petition-${action}`} onFinish={() => void submit()}>
        {fields.map((spec) => (
          <PetitionActionField key={spec.name} spec={spec} />
        ))}
      </Form>
      {general.length > 0 && <Alert type="error" showIcon message={general.join('；')} />}
    </Modal>
  );
}
