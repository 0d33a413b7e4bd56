import { CreatePetitionInput, PETITION_MODES, type PetitionerInput } from '@shanzhi/shared';
import { Alert, App, Button, Card, Flex, Form, type FormInstance, Input, Radio } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { formFailure } from '../../../platform/forms/zod-rules.js';
import { compactObject } from '../../mediation/dispute-view-logic.js';
import { registerPetition } from '../api/petitions.api.js';
import { PETITIONER_FIELD_NAMES, PetitionersFormList } from '../components/PetitionersFormList.js';
import { placeSchemaIssues } from '../petition-form-issues.js';
import { petitionModeLabel } from '../petition-labels.js';

type Values = Omit<CreatePetitionInput, 'petitioners'> & { petitioners: Partial<PetitionerInput>[] };

/** The form's fields, a petitioner's by his place in the list, for the server's and the schema's field errors. */
const KNOWN = ['mode', 'matter', 'responsibleBody', 'entrustedScope', ...PETITIONER_FIELD_NAMES];

const START: Partial<Values> = { mode: 'entrusted', petitioners: [{}] };

/**
 * 信访登记: the agency mode, the matter, the responsible body, what an entrusted agent is entrusted with, and
 * the petitioners with their ID numbers. The shared schema checks it before sending; the server's field errors
 * land on the fields.
 */
export function RegisterPetitionPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const mode = Form.useWatch('mode', form);

  async function submit(values: Values) {
    setFailure(null);
    const parsed = CreatePetitionInput.safeParse(
      compactObject({ ...values, petitioners: (values.petitioners ?? []).map(compactObject) }),
    );
    if (!parsed.success) {
      setFailure(placeSchemaIssues(form as FormInstance, parsed.error, KNOWN));
      return;
    }
    setSaving(true);
    try {
      const petition = await registerPetition(parsed.data);
      message.success(t('petition.register.done', { id: petition.id }));
      navigate(`/petitions/${petition.id}`);
    } catch (error) {
      setFailure(formFailure(form, error, KNOWN, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('menu.petitionRegister')} description={t('petition.register.description')} />
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          name="register-petition"
          initialValues={START}
          onFinish={submit}
        >
          <Form.Item name="mode" label={t('petition.field.mode')} required>
            <Radio.Group
              optionType="button"
              options={PETITION_MODES.map((m) => ({ value: m, label: petitionModeLabel(m, t) }))}
            />
          </Form.Item>
          <Form.Item name="matter" label={t('petition.field.matter')} required>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="responsibleBody" label={t('petition.field.responsibleBody')}>
            <Input maxLength={100} />
          </Form.Item>
          {mode === 'entrusted' && (
            <Form.Item name="entrustedScope" label={t('petition.field.entrustedScope')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          )}
          <PetitionersFormList />
          {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 16 }} />}
          <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }}>
            {t('petition.register.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
