import { type CaseDetail, ConvertToDisputeInput, DISPUTE_FIELD_NAMES as F } from '@shanzhi/shared';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { convertCaseToDispute } from '../api/mediation.api.js';
import { caseMediationView } from '../case-conversion.js';
import { compactObject } from '../dispute-view-logic.js';
import { DisputeFieldSelect } from './MediationPickers.js';

interface Values {
  field?: string;
  respondentName?: string;
  respondentPhone?: string;
  respondentAddress?: string;
}

/** The convert request from the dialog: the field, and the respondent when the agent named him. */
function inputOf(values: Values, version: number) {
  const respondent = values.respondentName?.trim()
    ? compactObject({
        role: 'respondent',
        kind: 'person',
        name: values.respondentName,
        phone: values.respondentPhone,
        address: values.respondentAddress,
      })
    : undefined;
  return ConvertToDisputeInput.safeParse(compactObject({ version, field: values.field, respondent }));
}

/** 转人民调解: the dialog that turns a 12345 case that is a dispute into one, then opens the dispute. */
function ConvertDialog({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const parsed = inputOf(form.getFieldsValue(true), detail.version);
    if (!parsed.success) {
      setFailure(parsed.error.issues.map((i) => i.message).join('；'));
      return;
    }
    setBusy(true);
    try {
      const result = await convertCaseToDispute(detail.id, parsed.data);
      message.success(t('mediation.convert.done'));
      navigate(`/mediation/disputes/${result.disputeId}`);
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`${t('mediation.convert.title')} · ${detail.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('mediation.convert.title')}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="convert-to-dispute" initialValues={{ field: 'neighbour' }}>
        <Form.Item name="field" label={F.field}>
          <DisputeFieldSelect />
        </Form.Item>
        <Form.Item name="respondentName" label={`${F.respondent}（可选）`}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="respondentPhone" label={F.phone}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="respondentAddress" label={F.address}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon message={failure} />}
    </Modal>
  );
}

/**
 * A case's mediation on its page, as the server answers it: the link to the dispute it was converted to, or
 * the 转人民调解 button when the server offers the step to this user.
 */
export function CaseMediation({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const view = caseMediationView(detail);
  if (view?.kind === 'dispute') {
    return (
      <Link to={`/mediation/disputes/${view.id}`} data-testid="case-dispute-link">
        {t('mediation.convert.open')} {view.number}
      </Link>
    );
  }
  if (view === null) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('mediation.convert.title')}</Button>
      {open && <ConvertDialog detail={detail} onClose={() => setOpen(false)} />}
    </>
  );
}
