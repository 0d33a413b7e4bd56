import { SUPERVISION_LEVELS, SuperviseInput, type SupervisionLevel } from '@shanzhi/shared';
import { Form, Input, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { type CaseSummary, takeCaseAction } from '../../cases/api/cases.api.js';
import { supervisionLevelLabel } from '../../cases/case-labels.js';

interface SuperviseValues {
  level: SupervisionLevel;
  note: string;
}

const FIELDS = ['level', 'note'] as const;

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
  const [form] = Form.useForm<SuperviseValues>();

  useEffect(() => {
    if (!item) return;
    form.resetFields();
    form.setFieldsValue({ level: 'general' });
  }, [item, form]);

  async function save(values: SuperviseValues) {
    if (!item) return;
    await takeCaseAction(item.id, 'supervise', {
      version: item.version,
      level: values.level,
      note: values.note,
    });
    onDone();
  }

  return (
    <FormModal<SuperviseValues>
      open={item !== null}
      title={t('supervision.dialogTitle', { number: item?.number ?? '' })}
      form={form}
      name="supervise"
      known={FIELDS}
      width={520}
      okText={t('supervision.submit')}
      savedMessage={t('supervision.sent')}
      onClose={onClose}
      save={save}
    >
      {item && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
          {item.title}（{item.leadUnit?.name ?? item.currentOrg?.name ?? '—'}）
        </Typography.Paragraph>
      )}
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
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('supervision.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
