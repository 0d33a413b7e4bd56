import { HAZARD_LEVELS, type HazardLevel } from '@shanzhi/shared';
import { Form, Input, Radio } from 'antd';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { recordHazard } from '../api/safety.api.js';
import { hazardLevelLabel } from '../safety-labels.js';

interface Values {
  level: HazardLevel;
  description: string;
  place?: string;
}

const KNOWN = ['level', 'description', 'place'];

/**
 * 自查上报: an enterprise account reports a hazard its own self-check found, of its own enterprise, through the
 * hazard register (source 企业自查).
 */
export function SelfCheckDialog({
  enterpriseId,
  open,
  onClose,
  onSaved,
}: {
  enterpriseId: number;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={open}
      resetOnOpen
      title={t('safety.selfCheck.title')}
      form={form}
      name="self-check"
      known={KNOWN}
      onClose={onClose}
      savedMessage={t('safety.selfCheck.saved')}
      save={async (values) => {
        await recordHazard({
          enterpriseId,
          source: 'self_check',
          level: values.level,
          description: values.description,
          ...(values.place ? { place: values.place } : {}),
        });
        onSaved();
      }}
    >
      <Form.Item name="level" label={t('safety.level')} initialValue="general">
        <Radio.Group options={HAZARD_LEVELS.map((l) => ({ value: l, label: hazardLevelLabel(l, locale) }))} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('safety.hazards.description.column')}
        rules={[{ required: true, min: 2, message: t('safety.selfCheck.descriptionRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="place" label={t('safety.hazard.place')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
