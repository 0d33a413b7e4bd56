import {
  CreateDisputeInput,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_SOURCES,
  DISPUTE_FIELD_NAMES as F,
  type PartyInput,
} from '@shanzhi/shared';
import { Alert, App, Button, Card, Col, Flex, Form, type FormInstance, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { formFailure } from '../../../platform/forms/zod-rules.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { registerDispute } from '../api/mediation.api.js';
import { DisputeFieldSelect } from '../components/MediationPickers.js';
import { PartyFields } from '../components/PartyFields.js';
import { compactObject } from '../dispute-view-logic.js';

type Values = Omit<CreateDisputeInput, 'parties'> & { parties: Partial<PartyInput>[] };

const PARTY_KEYS = ['role', 'kind', 'name', 'phone', 'address', 'email', 'idNumber', 'creditCode'];
/** The form's fields, a party's by its place in the list, for the server's and the schema's field errors. */
const KNOWN = [
  ...['source', 'field', 'title', 'facts', 'claims', 'orgId', 'courtReference'],
  ...Array.from({ length: 20 }, (_, i) => PARTY_KEYS.map((key) => `parties.${i}.${key}`)).flat(),
];

const START: Partial<Values> = {
  source: 'walk_in',
  parties: [
    { role: 'applicant', kind: 'person' },
    { role: 'respondent', kind: 'person' },
  ],
};

/**
 * 纠纷登记: source, field, what happened and what is asked, where it arose, and the parties with their
 * contacts. The shared schema checks it before sending; the server's field errors land on the fields.
 */
export function RegisterDisputePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(values: Values) {
    setFailure(null);
    const parsed = CreateDisputeInput.safeParse(
      compactObject({ ...values, parties: values.parties.map(compactObject) }),
    );
    if (!parsed.success) {
      // the schema's issues on the fields they name, the rest (「至少填写一名被申请人」) above the button
      const issues = parsed.error.issues.map((i) => ({
        name: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      }));
      const placed = issues.filter((i) => KNOWN.includes(i.name.join('.')));
      (form as FormInstance).setFields(placed.map((i) => ({ name: i.name, errors: [i.message] })));
      const rest = issues.filter((i) => !placed.includes(i)).map((i) => i.message);
      setFailure(rest.length > 0 ? rest.join('；') : null);
      return;
    }
    setSaving(true);
    try {
      const dispute = await registerDispute(parsed.data);
      message.success(t('mediation.register.done', { number: dispute.number }));
      navigate(`/mediation/disputes/${dispute.id}`);
    } catch (error) {
      setFailure(formFailure(form, error, KNOWN, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('menu.mediationRegister')} description={t('mediation.register.description')} />
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          name="register-dispute"
          initialValues={START}
          onFinish={submit}
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="source" label={F.source} rules={[{ required: true }]}>
                <Select
                  options={DISPUTE_SOURCES.map((s) => ({ value: s, label: DISPUTE_SOURCE_LABELS[s] }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="field" label={F.field} rules={[{ required: true }]}>
                <DisputeFieldSelect />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="orgId" label={F.org} rules={[{ required: true }]}>
                <OrgTreeSelect />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label={F.title} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="facts" label={F.facts} rules={[{ required: true }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="claims" label={F.claims} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="courtReference" label="委派案号">
            <Input maxLength={60} />
          </Form.Item>
          <PartyFields />
          {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 16 }} />}
          <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }}>
            {t('mediation.register.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
