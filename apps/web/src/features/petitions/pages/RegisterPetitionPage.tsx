import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CreatePetitionInput, PETITION_MODES, type PetitionerInput } from '@shanzhi/shared';
import { Alert, App, Button, Card, Col, Flex, Form, type FormInstance, Input, Radio, Row } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { formFailure } from '../../../platform/forms/zod-rules.js';
import { compactObject } from '../../mediation/dispute-view-logic.js';
import { registerPetition } from '../api/petitions.api.js';
import { petitionModeLabel } from '../petition-labels.js';

type Values = Omit<CreatePetitionInput, 'petitioners'> & { petitioners: Partial<PetitionerInput>[] };

const PETITIONER_KEYS = ['name', 'idNumber', 'phone', 'address'];
/** The form's fields, a petitioner's by his place in the list, for the server's and the schema's field errors. */
const KNOWN = [
  ...['mode', 'matter', 'responsibleBody', 'entrustedScope', 'petitioners'],
  ...Array.from({ length: 10 }, (_, i) => PETITIONER_KEYS.map((key) => `petitioners.${i}.${key}`)).flat(),
];

const START: Partial<Values> = { mode: 'entrusted', petitioners: [{}] };

/** One petitioner's fields: name, ID number (required: real name), phone and address. */
function PetitionerFields({ index, onRemove }: { index: number; onRemove?: () => void }) {
  const { t } = useI18n();
  return (
    <Row gutter={12} align="bottom">
      <Col xs={24} md={5}>
        <Form.Item name={[index, 'name']} label={t('petition.field.name')} required>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={7}>
        <Form.Item name={[index, 'idNumber']} label={t('petition.field.idNumber')} required>
          <Input maxLength={18} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name={[index, 'phone']} label={t('petition.field.phone')}>
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={20} md={6}>
        <Form.Item name={[index, 'address']} label={t('petition.field.address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={4} md={1}>
        {onRemove && (
          <Form.Item>
            <Button icon={<DeleteOutlined />} aria-label={t('petition.register.remove')} onClick={onRemove} />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}

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
      const issues = parsed.error.issues.map((i) => ({
        name: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      }));
      const placed = issues.filter((i) => KNOWN.includes(i.name.join('.')) && i.name.length !== 1);
      (form as FormInstance).setFields(placed.map((i) => ({ name: i.name, errors: [i.message] })));
      const rest = issues.filter((i) => !placed.includes(i)).map((i) => i.message);
      setFailure(rest.length > 0 ? rest.join('；') : null);
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
          <Form.List name="petitioners">
            {(items, { add, remove }) => (
              <Card size="small" type="inner" title={t('petition.field.petitioners')}>
                {items.map((item) => (
                  <PetitionerFields
                    key={item.key}
                    index={item.name}
                    {...(items.length > 1 ? { onRemove: () => remove(item.name) } : {})}
                  />
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={items.length >= 10}>
                  {t('petition.register.addPetitioner')}
                </Button>
              </Card>
            )}
          </Form.List>
          {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 16 }} />}
          <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }}>
            {t('petition.register.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
