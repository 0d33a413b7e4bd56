import { type PetitionActionOnPetition, type PetitionDetail, petitionNumber } from '@shanzhi/shared';
import { Alert, App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useActionSending } from '../../../platform/forms/use-action-sending.js';
import { takePetitionAction } from '../api/petitions.api.js';
import {
  DANGEROUS_PETITION_ACTIONS,
  PETITION_ACTION_FIELDS,
  petitionActionBodyOf,
  validatePetitionActionBody,
} from '../petition-action-fields.js';
import { petitionActionLabel } from '../petition-labels.js';
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
  const { busy, general, setGeneral, send } = useActionSending(form, {
    staleMessage: t('petition.action.stale'),
    onStale,
    onClose,
  });

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
    await send(
      () => takePetitionAction(petition.id, action, body as never),
      fields.map((f) => f.name),
      (next) => {
        message.success(t('petition.action.done', { action: label }));
        onDone(next);
      },
    );
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
