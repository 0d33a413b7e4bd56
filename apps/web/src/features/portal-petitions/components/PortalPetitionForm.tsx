import { SendOutlined } from '@ant-design/icons';
import { PortalPetitionInput, type PortalPetitionSubmitted } from '@shanzhi/shared';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { formFailure, zodRule } from '../../../platform/forms/zod-rules.js';
import { portalFailureText } from '../../portal/portal-failure.js';
import { fetchAgencyPoints, submitPortalPetition } from '../api/portal-petitions.api.js';
import {
  PORTAL_PETITION_FIELDS,
  type PortalPetitionValues,
  portalPetitionOf,
} from '../portal-petition-input.js';

const shape = PortalPetitionInput.shape;

/**
 * 网上信访: name, ID number and phone (real name, 信访工作条例 art. 22), the matter, the body responsible when
 * known, and the agency point where an agent will take it up. Answers the registered petition to `onSubmitted`.
 */
export function PortalPetitionForm({
  onSubmitted,
}: {
  onSubmitted: (submitted: PortalPetitionSubmitted, phone: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<PortalPetitionValues>();
  const [points, setPoints] = useState<{ id: number; name: string }[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void fetchAgencyPoints().then(setPoints, (error) => setFailure(portalFailureText(error, t)));
  }, [t]);

  async function submit(values: PortalPetitionValues) {
    setSubmitting(true);
    setFailure(null);
    const input = portalPetitionOf(values);
    try {
      onSubmitted(await submitPortalPetition(input), input.phone);
      form.resetFields();
    } catch (error) {
      setFailure(formFailure(form, error, PORTAL_PETITION_FIELDS, t) ?? portalFailureText(error, t));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Form<PortalPetitionValues>
      form={form}
      layout="vertical"
      name="portal-petition"
      aria-label={t('petitionPortal.submitTitle')}
      onFinish={(values) => void submit(values)}
      scrollToFirstError
    >
      <Form.Item
        name="orgId"
        label={t('petitionPortal.point')}
        rules={[{ required: true, message: t('petitionPortal.pointRequired') }]}
      >
        <Select
          data-testid="petition-point"
          placeholder={t('petitionPortal.pointPlaceholder')}
          options={points.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('petitionPortal.name')} rules={[zodRule(shape.name, (v) => v ?? '')]}>
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('petitionPortal.idNumber')}
        rules={[zodRule(shape.idNumber, (v) => v ?? '')]}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('portal.phone')} rules={[zodRule(shape.phone, (v) => v ?? '')]}>
        <Input inputMode="tel" maxLength={20} autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name="matter"
        label={t('petitionPortal.matter')}
        rules={[zodRule(shape.matter, (v) => v ?? '')]}
      >
        <Input.TextArea
          rows={5}
          maxLength={4000}
          showCount
          placeholder={t('petitionPortal.matterPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="responsibleBody" label={t('petitionPortal.responsibleBody')}>
        <Input maxLength={100} placeholder={t('petitionPortal.responsibleBodyPlaceholder')} />
      </Form.Item>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        icon={<SendOutlined />}
        loading={submitting}
      >
        {t('petitionPortal.submit')}
      </Button>
    </Form>
  );
}
