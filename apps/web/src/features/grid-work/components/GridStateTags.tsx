import type { GridFindingState, GridTaskState } from '@shanzhi/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { findingStateLabel, taskStateLabel } from '../grid-labels.js';

const FINDING_COLORS: Record<GridFindingState, string> = {
  open: 'gold',
  solved: 'green',
  escalated: 'blue',
  referred: 'purple',
  closed: 'cyan',
  dismissed: 'default',
};

const TASK_COLORS: Record<GridTaskState, string> = {
  assigned: 'processing',
  done: 'green',
  cancelled: 'default',
};

/** A finding's state as a coloured tag. */
export function FindingStateTag({ state }: { state: GridFindingState }) {
  const { locale } = useI18n();
  return <Tag color={FINDING_COLORS[state]}>{findingStateLabel(state, locale)}</Tag>;
}

/** A task's state as a coloured tag, red 「超期」 beside it when it is still to do past its deadline. */
export function TaskStateTag({ state, overdue }: { state: GridTaskState; overdue: boolean }) {
  const { t, locale } = useI18n();
  return (
    <span>
      <Tag color={TASK_COLORS[state]}>{taskStateLabel(state, locale)}</Tag>
      {overdue && (
        <Tag color="red" data-testid="task-overdue">
          {t('gridWork.overdue')}
        </Tag>
      )}
    </span>
  );
}
