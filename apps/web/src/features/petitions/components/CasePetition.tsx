import {
  type CaseDetail,
  ConvertToPetitionInput,
  PETITION_MODES,
  type PetitionerInput,
  type PetitionMode,
  petitionNumber,
} from '@shanzhi/shared';
import { Alert, App, Button, Form, type FormInstance, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { formFailure } from '../../../platform/forms/zod-rules.js';
import { UnitPicker } from '../../cases/components/UnitPicker.js';
import { compactObject } from '../../mediation/dispute-view-logic.js';
import { convertCaseToPetition } from '../api/petitions.api.js';
import { placeSchemaIssues } from '../petition-form-issues.js';
import { petitionModeLabel } from '../petition-labels.js';
import { PETITIONER_FIELD_NAMES, PetitionersFormList } from './PetitionersFormList.js';

interface Values {
  orgId?: number;
  mode: PetitionMode;
  matter: string;
  petitioners: Partial<PetitionerInput>[];
}

const KNOWN = ['orgId', 'mode', 'matter', ...PETITIONER_FIELD_NAMES];

/** What the dialog starts from: the case's caller as the petitioner, its title and content as the matter. */
function startOf(detail: CaseDetail): Values {
  const idNumber = detail.citizenIdNumber?.includes('*') ? undefined : detail.citizenIdNumber;
  return {
    mode: 'designated',
    matter: `${detail.title}\n${detail.description}`.slice(0, 4000),
    petitioners: [
      compactObject({
        name: detail.citizenName ?? undefined,
        idNumber: idNumber ?? undefined,
        phone: detail.citizenPhone?.includes('*') ? undefined : (detail.citizenPhone ?? undefined),
        address: detail.address ?? undefined,
      }),
    ],
  };
}

/** 转为信访: the agency point, the mode, the petitioners and the matter; sends it, then opens the petition. */
function ConvertDialog({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setFailure(null);
    const parsed = ConvertToPetitionInput.safeParse(
      compactObject({
        ...values,
        version: detail.version,
        petitioners: (values.petitioners ?? []).map(compactObject),
      }),
    );
    if (!parsed.success) {
      setFailure(placeSchemaIssues(form as FormInstance, parsed.error, KNOWN));
      return;
    }
    setBusy(true);
    try {
      const { petitionId } = await convertCaseToPetition(detail.id, parsed.data);
      message.success(t('petition.convert.done', { number: petitionNumber(petitionId) }));
      navigate(`/petitions/${petitionId}`);
    } catch (error) {
      setFailure(formFailure(form, error, KNOWN, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`${t('petition.convert.title')} · ${detail.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('petition.convert.title')}
      okButtonProps={{ loading: busy }}
      width={860}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="convert-to-petition"
        initialValues={startOf(detail)}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="orgId" label={t('petition.field.org')} required>
          <UnitPicker placeholder={t('petition.convert.orgPlaceholder')} />
        </Form.Item>
        <Form.Item name="mode" label={t('petition.field.mode')} required>
          <Radio.Group
            optionType="button"
            options={PETITION_MODES.map((m) => ({ value: m, label: petitionModeLabel(m, t) }))}
          />
        </Form.Item>
        <Form.Item name="matter" label={t('petition.field.matter')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <PetitionersFormList />
      </Form>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 16 }} />}
    </Modal>
  );
}

/**
 * A case's petition on its page, as the server answers it: the link to the petition it was converted to, or
 * the 转为信访 button when the server offers the step to this user.
 */
export function CasePetition({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (detail.petitionId !== null) {
    return (
      <Link to={`/petitions/${detail.petitionId}`} data-testid="case-petition-link">
        {t('petition.convert.open')} {petitionNumber(detail.petitionId)}
      </Link>
    );
  }
  if (!detail.actions.includes('convert_to_petition')) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('petition.convert.title')}</Button>
      {open && <ConvertDialog detail={detail} onClose={() => setOpen(false)} />}
    </>
  );
}
