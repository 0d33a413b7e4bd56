import { KNOWN_CHANNELS } from '@shanzhi/shared';
import { AutoComplete } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { channelLabel } from '../case-labels.js';

/**
 * 渠道: picks one of the known online channels by name, or takes a city's own channel code as typed.
 * Props: `value`/`onChange`/`id` (the channel code; antd form field, whose label names it by `id`),
 * `placeholder`, `allowClear`.
 */
export function ChannelInput({
  value,
  onChange,
  id,
  placeholder,
  allowClear = false,
}: {
  value?: string;
  onChange?: (code: string) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
}) {
  const { locale } = useI18n();
  return (
    <AutoComplete
      {...(id ? { id } : {})}
      {...(value !== undefined ? { value } : {})}
      {...(onChange ? { onChange } : {})}
      {...(placeholder ? { placeholder } : {})}
      allowClear={allowClear}
      maxLength={32}
      options={KNOWN_CHANNELS.map((code) => ({
        value: code,
        label: `${channelLabel(code, locale)}（${code}）`,
      }))}
      filterOption={(input, option) =>
        `${option?.label ?? ''}`.toLowerCase().includes(input.trim().toLowerCase())
      }
    />
  );
}
