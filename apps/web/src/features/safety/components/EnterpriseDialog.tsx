import { type EnterpriseInput, INDUSTRIES } from '@shanzhi/shared';
import { Form, Input, Select } from 'antd';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { createEnterprise } from '../api/safety.api.js';
import { industryLabel } from '../safety-labels.js';

const KNOWN = [
  'name',
  'creditCode',
  'industry',
  'address',
  'principal.name',
  'principal.phone',
  'safetyOfficer.name',
  'safetyOfficer.phone',
];

/** 登记企业: one enterprise of the register, supervised by the caller's org. */
export function EnterpriseDialog({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<EnterpriseInput>();
  const required = (label: string) => [{ required: true, message: label }];
  return (
    <FormModal<EnterpriseInput>
      open={open}
      resetOnOpen
      title={t('safety.enterprises.add')}
      form={form}
      name="enterprise"
      known={KNOWN}
      onClose={onClose}
      savedMessage={t('safety.enterprises.created')}
      save={async (values) => {
        const clean = (p?: { name?: string; phone?: string }) =>
          p?.name ? { name: p.name, ...(p.phone ? { phone: p.phone } : {}) } : undefined;
        await createEnterprise({
          ...values,
          principal: clean(values.principal),
          safetyOfficer: clean(values.safetyOfficer),
        });
        onSaved();
      }}
    >
      <Form.Item
        name="name"
        label={t('safety.enterprises.name')}
        rules={required(t('safety.enterprises.name'))}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('safety.enterprises.creditCode')}
        rules={required(t('safety.enterprises.creditCode'))}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="industry" label={t('safety.industry')} rules={required(t('safety.industry'))}>
        <Select options={INDUSTRIES.map((i) => ({ value: i, label: industryLabel(i, locale) }))} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('safety.enterprises.address')}
        rules={required(t('safety.enterprises.address'))}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('safety.enterprises.principal')} style={{ marginBottom: 0 }}>
        <Input.Group compact>
          <Form.Item name={['principal', 'name']} noStyle>
            <Input style={{ width: '50%' }} placeholder={t('safety.enterprises.principal')} maxLength={50} />
          </Form.Item>
          <Form.Item name={['principal', 'phone']} noStyle>
            <Input style={{ width: '50%' }} placeholder={t('safety.enterprises.phone')} maxLength={20} />
          </Form.Item>
        </Input.Group>
      </Form.Item>
      <Form.Item label={t('safety.enterprises.safetyOfficer')} style={{ marginTop: 16 }}>
        <Input.Group compact>
          <Form.Item name={['safetyOfficer', 'name']} noStyle>
            <Input
              style={{ width: '50%' }}
              placeholder={t('safety.enterprises.safetyOfficer')}
              maxLength={50}
            />
          </Form.Item>
          <Form.Item name={['safetyOfficer', 'phone']} noStyle>
            <Input style={{ width: '50%' }} placeholder={t('safety.enterprises.phone')} maxLength={20} />
          </Form.Item>
        </Input.Group>
      </Form.Item>
    </FormModal>
  );
}
