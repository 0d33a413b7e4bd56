import type { PetitionState } from '@shanzhi/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { PETITION_STATE_COLORS, petitionStateLabel } from '../petition-labels.js';

/** A petition's state as a coloured tag (已登记, 办理中, 已答复 …). */
export function PetitionStateTag({ state }: { state: PetitionState }) {
  const { t } = useI18n();
  return (
    <Tag color={PETITION_STATE_COLORS[state]} data-testid="petition-state" style={{ marginInlineEnd: 0 }}>
      {petitionStateLabel(state, t)}
    </Tag>
  );
}
