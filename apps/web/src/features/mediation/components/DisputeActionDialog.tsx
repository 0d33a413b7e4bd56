import type { AssignmentSuggestion, DisputeActionOnDispute, DisputeDetail } from '@shanzhi/shared';
import { Alert, App, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useActionSending } from '../../../platform/forms/use-action-sending.js';
import { fetchAssignmentSuggestion, takeDisputeAction } from '../api/mediation.api.js';
import {
  DANGEROUS_DISPUTE_ACTIONS,
  DISPUTE_ACTION_FIELDS,
  disputeActionBodyOf,
  validateDisputeActionBody,
} from '../dispute-action-fields.js';
import { disputeActionLabel } from '../dispute-view-logic.js';
import { AssignmentHint } from './AssignmentHint.js';
import { DisputeActionField } from './DisputeActionField.js';

/** What a dialog starts with: a session held now, an agreement in writing with one empty term … */
function startValues(action: DisputeActionOnDispute): Record<string, unknown> {
  if (action === 'record_session') return { mode: 'in_person', heldAt: dayjs() };
  if (action === 'agree') return { form: 'written', terms: [{}] };
  if (action === 'accept') return { difficulty: 'ordinary' };
  if (action === 'confirm_agreement') return { method: 'signed_scan' };
  return {};
}

/** The suggested committee and mediator, fetched when the assign dialog opens. */
function useAssignmentSuggestion(disputeId: number, open: boolean) {
  const [suggestion, setSuggestion] = useState<AssignmentSuggestion | null>(null);
  useEffect(() => {
    setSuggestion(null);
    if (!open) return;
    const controller = new AbortController();
    fetchAssignmentSuggestion(disputeId, controller.signal).then(setSuggestion, () => undefined);
    return () => controller.abort();
  }, [disputeId, open]);
  return suggestion;
}

/**
 * The dialog of one dispute action: its fields, checked with the action's shared zod schema before sending,
 * the server's field errors on the fields they name, and a stale version (409) turned into a reload.
 */
export function DisputeActionDialog({
  dispute,
  action,
  onClose,
  onDone,
  onStale,
}: {
  dispute: DisputeDetail;
  action: DisputeActionOnDispute | null;
  onClose: () => void;
  onDone: (next: DisputeDetail) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { busy, general, setGeneral, send } = useActionSending(form, {
    staleMessage: t('mediation.action.stale'),
    onStale,
    onClose,
  });
  const suggestion = useAssignmentSuggestion(dispute.id, action === 'assign');

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form for each opening
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    form.setFieldsValue(startValues(action));
    setGeneral([]);
  }, [action, dispute.id]);

  useEffect(() => {
    if (suggestion?.committee && form.getFieldValue('committeeId') === undefined) {
      form.setFieldsValue({
        committeeId: suggestion.committee.id,
        mediatorId: suggestion.mediatorId ?? undefined,
      });
    }
  }, [suggestion, form]);

  if (!action) return null;
  const fields = DISPUTE_ACTION_FIELDS[action];
  const label = disputeActionLabel(action);

  async function submit() {
    if (!action) return;
    const body = disputeActionBodyOf(
      action,
      form.getFieldsValue(true) as Record<string, unknown>,
      dispute.version,
    );
    const check = validateDisputeActionBody(action, body);
    form.setFields(check.fields.map((f) => ({ name: f.name, errors: [f.message] })));
    setGeneral(check.general);
    if (!check.ok) return;
    await send(
      () => takeDisputeAction(dispute.id, action, body as never),
      fields.map((f) => f.name),
      (next) => {
        message.success(t('mediation.action.done', { action: label, number: dispute.number }));
        onDone(next);
      },
    );
  }

  return (
    <Modal
      open
      title={`${label} · ${dispute.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={label}
      okButtonProps={{ danger: DANGEROUS_DISPUTE_ACTIONS.includes(action), loading: busy }}
      destroyOnHidden
      width={action === 'agree' || action === 'record_session' ? 760 : 560}
    >
      {action === 'assign' && suggestion && (
        <AssignmentHint
          suggestion={suggestion}
          onUse={(committeeId, mediatorId) =>
            form.setFieldsValue({ committeeId, mediatorId: mediatorId ?? undefined })
          }
        />
      )}
      <Form form={form} layout="vertical" name={`dispute-${action}`} onFinish={() => void submit()}>
        {fields.map((spec) => (
          <DisputeActionField key={spec.name} spec={spec} dispute={dispute} form={form} />
        ))}
      </Form>
      {general.length > 0 && <Alert type="error" showIcon message={general.join('；')} />}
    </Modal>
  );
}
