import { SATISFACTION_LEVELS } from '@shanzhi/shared';
import { Alert, Form, Input, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { RADIO_GROUP_ROLE } from '../../../platform/forms/radio-group-role.js';
import { type CaseDetail, type CaseSummary, takeCaseAction } from '../../cases/api/cases.api.js';
import { satisfactionLabel } from '../../cases/case-labels.js';

interface Values {
  reached?: boolean;
  contacted?: boolean;
  solved?: boolean;
  satisfaction?: (typeof SATISFACTION_LEVELS)[number];
  note?: string;
}

const FIELDS = ['reached', 'contacted', 'solved', 'satisfaction', 'note'] as const;

/**
 * 回访 dialog: was the citizen reached? If so, the three questions of 接诉即办 (contacted? solved? satisfied?);
 * if not, an invalid callback recorded as such, with no answers.
 */
export function CallbackDialog({
  item,
  onClose,
  onDone,
}: {
  item: CaseSummary | null;
  onClose: () => void;
  onDone: (after: CaseDetail) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const reached = Form.useWatch('reached', form);
  const yesNo = [
    { value: true, label: t('callback.yes') },
    { value: false, label: t('callback.no') },
  ];

  useEffect(() => {
    if (item) form.resetFields();
  }, [item, form]);

  async function save(values: Values) {
    if (!item) return;
    const answered = values.reached === true;
    const after = await takeCaseAction(item.id, 'callback', {
      version: item.version,
      reached: answered,
      contacted: answered ? (values.contacted ?? null) : null,
      solved: answered ? (values.solved ?? null) : null,
      satisfaction: answered ? (values.satisfaction ?? null) : null,
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
    });
    onDone(after);
  }

  const required = (message: string) => [{ required: true, message }];
  return (
    <FormModal<Values>
      open={item !== null}
      title={t('callback.dialogTitle', { number: item?.number ?? '' })}
      form={form}
      name="callback"
      known={FIELDS}
      width={560}
      okText={t('callback.submit')}
      onClose={onClose}
      save={save}
    >
      {item && (
        <Typography.Paragraph type="secondary">
          {item.title}
          <br />
          {t('callback.citizen', { name: item.citizenName ?? '—', phone: item.citizenPhone ?? '—' })}
        </Typography.Paragraph>
      )}
      <Form.Item name="reached" label={t('callback.reached')} rules={required(t('callback.pickReached'))}>
        <Radio.Group
          {...RADIO_GROUP_ROLE}
          options={[
            { value: true, label: t('callback.reachedYes') },
            { value: false, label: t('callback.reachedNo') },
          ]}
        />
      </Form.Item>
      {reached === true && (
        <>
          <Form.Item name="contacted" label={t('callback.contacted')} rules={required(t('callback.answer'))}>
            <Radio.Group {...RADIO_GROUP_ROLE} options={yesNo} />
          </Form.Item>
          <Form.Item name="solved" label={t('callback.solved')} rules={required(t('callback.answer'))}>
            <Radio.Group {...RADIO_GROUP_ROLE} options={yesNo} />
          </Form.Item>
          <Form.Item
            name="satisfaction"
            label={t('callback.satisfaction')}
            rules={required(t('callback.answer'))}
          >
            <Radio.Group
              {...RADIO_GROUP_ROLE}
              optionType="button"
              buttonStyle="solid"
              options={SATISFACTION_LEVELS.map((level) => ({
                value: level,
                label: satisfactionLabel(level, locale),
              }))}
            />
          </Form.Item>
        </>
      )}
      {reached === false && (
        <Alert type="warning" showIcon message={t('callback.unreachedHint')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="note" label={t('callback.note')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
