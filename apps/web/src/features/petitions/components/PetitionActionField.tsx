import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import type { PetitionActionFieldSpec } from '../petition-action-fields.js';
import { SignedScanInput } from './SignedScanInput.js';

/** One field of a petition action's dialog, typed as its spec says. */
export function PetitionActionField({ spec }: { spec: PetitionActionFieldSpec }) {
  const { t } = useI18n();
  const label = t(spec.labelKey);
  const input = (() => {
    switch (spec.kind) {
      case 'text':
        return <Input maxLength={100} />;
      case 'textarea':
        return <Input.TextArea rows={3} maxLength={4000} />;
      case 'days':
        return <InputNumber min={1} precision={0} style={{ width: 160 }} />;
      case 'yes_no':
        return (
          <Radio.Group>
            <Radio value={true}>{t('petition.yes')}</Radio>
            <Radio value={false}>{t('petition.no')}</Radio>
          </Radio.Group>
        );
      case 'scan':
        return <SignedScanInput />;
      case 'choice':
        return (
          <Select
            options={(spec.choices ?? []).map((value) => ({
              value,
              label: t(`${spec.choicePrefix}.${value}` as MessageKey),
            }))}
          />
        );
    }
  })();
  return (
    <Form.Item name={spec.name} label={label} required={!spec.optional}>
      {input}
    </Form.Item>
  );
}
