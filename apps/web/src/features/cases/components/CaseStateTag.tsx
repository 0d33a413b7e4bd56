import { Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { caseStateLabel } from '../case-labels.js';

const COLORS: Record<string, string> = {
  registered: 'blue',
  dispatched: 'geekblue',
  returned: 'magenta',
  accepted: 'processing',
  replied: 'purple',
  reviewed: 'cyan',
  called_back: 'lime',
  closed: 'success',
  resolved_on_call: 'success',
  transferred_110: 'volcano',
  merged: 'default',
  invalidated: 'default',
};

/** A case state as a coloured tag (待派单, 办理中, 已结案 …). Props: `state`, the case's state identifier. */
export function CaseStateTag({ state }: { state: string }) {
  const { locale } = useI18n();
  return (
    <Tag color={COLORS[state] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {caseStateLabel(state, locale)}
    </Tag>
  );
}
