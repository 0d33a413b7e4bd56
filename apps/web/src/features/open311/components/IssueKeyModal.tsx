import { type CreatedOpen311Key, CreateOpen311KeyInput } from '@shanzhi/shared';
import { Form, Input, InputNumber } from 'antd';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { createOpen311Key } from '../api/open311.api.js';

interface IssueKeyValues {
  name?: string;
  channelCode?: string;
  rateLimitPerHour?: number;
}

const FIELDS = ['name', 'channelCode', 'rateLimitPerHour'];
const orEmpty = (value: unknown) => value ?? '';
const orUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** 签发密钥: the integrator, its channel and its hourly limit; the new key goes to `onIssued`. */
export function IssueKeyModal({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (created: CreatedOpen311Key) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<IssueKeyValues>();
  async function save(values: IssueKeyValues) {
    const created = await createOpen311Key({
      name: (values.name ?? '').trim(),
      rateLimitPerHour: values.rateLimitPerHour ?? 1_000,
      ...(values.channelCode?.trim() ? { channelCode: values.channelCode.trim() } : {}),
    });
    onIssued(created);
  }

  return (
    <FormModal<IssueKeyValues>
      open={open}
      resetOnOpen
      title={t('open311.issueTitle')}
      form={form}
      name="open311-key"
      known={FIELDS}
      width={520}
      onClose={onClose}
      save={save}
      savedMessage={t('open311.issued')}
      okText={t('open311.issue')}
    >
      <Form.Item
        name="name"
        label={t('open311.keyName')}
        rules={[zodRule(CreateOpen311KeyInput.shape.name, orEmpty)]}
      >
        <Input maxLength={50} placeholder={t('open311.keyNamePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="channelCode"
        label={t('open311.channel')}
        extra={t('open311.channelHint')}
        rules={[zodRule(CreateOpen311KeyInput.shape.channelCode, orUndefined)]}
      >
        <Input maxLength={32} placeholder="open311_1" />
      </Form.Item>
      <Form.Item
        name="rateLimitPerHour"
        label={t('open311.rateLimit')}
        initialValue={1_000}
        rules={[zodRule(CreateOpen311KeyInput.shape.rateLimitPerHour, orUndefined)]}
      >
        <InputNumber
          min={10}
          max={100_000}
          step={100}
          style={{ width: 180 }}
          addonAfter={t('open311.perHour')}
        />
      </Form.Item>
    </FormModal>
  );
}
