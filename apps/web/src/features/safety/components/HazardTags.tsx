import type { HazardLevel, HazardState } from '@shanzhi/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { hazardLevelLabel, hazardStateLabel } from '../safety-labels.js';

const STATE_COLORS: Record<HazardState, string> = {
  found: 'default',
  reported: 'processing',
  assigned: 'processing',
  rectifying: 'gold',
  extension_requested: 'orange',
  rectified: 'cyan',
  accepted: 'green',
  closed: 'success',
};

/** A hazard's state as a coloured tag. */
export function HazardStateTag({ state }: { state: HazardState }) {
  const { locale } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="hazard-state" data-state={state}>
      {hazardStateLabel(state, locale)}
    </Tag>
  );
}

/** A hazard's level: major ones in red. */
export function HazardLevelTag({ level }: { level: HazardLevel }) {
  const { locale } = useI18n();
  return <Tag color={level === 'major' ? 'red' : 'blue'}>{hazardLevelLabel(level, locale)}</Tag>;
}
