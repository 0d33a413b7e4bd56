import { Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { lightLabel } from '../case-labels.js';

/** Tag colours of the deadline lights, also used by the workbench's group headings. */
export const LIGHT_COLORS: Record<string, string> = { green: 'success', yellow: 'warning', red: 'error' };

/** The dot colour of each light. */
export const LIGHT_DOTS: Record<string, string> = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' };

/**
 * The deadline light of a case (正常 / 预警 / 超期) as a tag with a dot. Props: `light` (green, yellow, red);
 * `open` false hides it, since a finished case has no running limit.
 */
export function LightTag({ light, open = true }: { light: string; open?: boolean }) {
  const { locale } = useI18n();
  if (!open) return null;
  return (
    <Tag color={LIGHT_COLORS[light] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 8,
          height: 8,
          borderRadius: 4,
          background: LIGHT_DOTS[light] ?? '#bfbfbf',
          marginInlineEnd: 4,
        }}
      />
      {lightLabel(light, locale)}
    </Tag>
  );
}
