import { TIME_LIMIT_UNITS, type TimeLimit, type TimeLimitUnit } from '@shanzhi/shared';
import { InputNumber, Select, Space } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { timeLimitUnitLabel } from '../../../i18n/labels.js';

/** A time limit as an amount and a unit (工作日 / 工作小时 / 自然小时 …), for antd forms. */
export function TimeLimitInput({
  value,
  onChange,
  disabled,
  id,
}: {
  value?: Partial<TimeLimit>;
  onChange?: (value: Partial<TimeLimit>) => void;
  disabled?: boolean;
  id?: string;
}) {
  const { t, locale } = useI18n();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber
        id={id}
        min={1}
        max={10_000}
        precision={0}
        style={{ width: '45%' }}
        value={value?.value ?? null}
        disabled={disabled}
        onChange={(amount) => onChange?.({ ...value, value: amount ?? undefined })}
        aria-label={t('catalog.limitValue')}
      />
      <Select<TimeLimitUnit>
        style={{ width: '55%' }}
        value={value?.unit}
        disabled={disabled}
        onChange={(unit) => onChange?.({ ...value, unit })}
        options={TIME_LIMIT_UNITS.map((unit) => ({ value: unit, label: timeLimitUnitLabel(unit, locale) }))}
        aria-label={t('catalog.limitUnit')}
      />
    </Space.Compact>
  );
}
