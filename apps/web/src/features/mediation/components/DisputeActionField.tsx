import { type DisputeDetail, PARTY_ROLE_LABELS } from '@shanzhi/shared';
import { DatePicker, Form, type FormInstance, Input, InputNumber, Select } from 'antd';
import type { DisputeFieldSpec } from '../dispute-action-fields.js';
import { AgreementTermsEditor } from './AgreementTermsEditor.js';
import { CommitteeSelect, MediatorSelect } from './MediationPickers.js';

/** The editor of one field of a dispute action's dialog, by its kind. */
function editorOf(spec: DisputeFieldSpec, dispute: DisputeDetail, committeeId: number | undefined) {
  switch (spec.kind) {
    case 'text':
      return <Input maxLength={500} />;
    case 'textarea':
      return <Input.TextArea rows={spec.name === 'minutes' ? 6 : 3} maxLength={10000} />;
    case 'number':
      return <InputNumber min={1} max={60} precision={0} style={{ width: 120 }} />;
    case 'select':
      return <Select options={spec.options as { value: string; label: string }[]} />;
    case 'datetime':
      return <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />;
    case 'committee':
      return <CommitteeSelect />;
    case 'mediator':
      return <MediatorSelect {...(committeeId ? { committeeId } : {})} />;
    case 'party':
      return (
        <Select
          options={dispute.parties.map((p) => ({
            value: p.id,
            label: `${PARTY_ROLE_LABELS[p.role]} ${p.name}`,
          }))}
        />
      );
    default:
      return null;
  }
}

/** One field of a dispute action's dialog: the terms editor, or a labelled form item. */
export function DisputeActionField({
  spec,
  dispute,
  form,
}: {
  spec: DisputeFieldSpec;
  dispute: DisputeDetail;
  form: FormInstance;
}) {
  const committeeId = Form.useWatch('committeeId', form) as number | undefined;
  if (spec.kind === 'terms') return <AgreementTermsEditor name={spec.name} />;
  return (
    <Form.Item name={spec.name} label={spec.label} required={spec.required ?? false}>
      {editorOf(spec, dispute, committeeId)}
    </Form.Item>
  );
}
