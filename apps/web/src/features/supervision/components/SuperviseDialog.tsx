import { SUPERVISION_LEVELS, SuperviseInput } from '@shanzhi/shared';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { formFailure, zodRule } from '../../../platform/forms/zod-rules.js';
import { type CaseSummary, takeCaseAction } from '../../cases/api/cases.api.js';
import { supervisionLevelLabel } from '../../cases/case-labels.js';

/** 督办 dialog: 一般督办 (urge) or 挂牌督办 (listed) with a note saying what is asked, by when. */
export function SuperviseDialog({
  item,
  onClose,
  onDone,
}: {
  item: CaseSummary | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ level: 'general' | 'listed'; note: string }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit() {
    if (!item) return;
    const values = await form.validateFields();
    setSaving(true);
    setFailure(null);
    try {
      await takeCaseAction(item.id, 'supervise', {
        version: item.version,
        level: values.level,
        note: values.note,
      });
      form.resetFields();
      onDone();
    } catch (error) {
      setFailure(formFailure(form, error, ['level', 'note'], t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={item !== null}
      title={t('supervision.dialogTitle', { number: item?.number ?? '' })}
      okText={t('supervision.submit')}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      destroyOnHidden
    >
      {item && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
          {item.title}（{item.leadUnit?.name ?? item.currentOrg?.name ?? '—'}）
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ level: 'general' }} preserve={false}>
        <Form.Item name="level" label={t('supervision.level')} rules={[zodRule(SuperviseInput.shape.level)]}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {SUPERVISION_LEVELS.map((level) => (
              <Radio.Button key={level} value={level}>
                {supervisionLevelLabel(level, locale)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('supervision.note')}
          rules={[zodRule(SuperviseInput.shape.note, (v) => v ?? '')]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('supervision.notePlaceholder')}
          />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon message={failure} />}
    </Modal>
  );
}
