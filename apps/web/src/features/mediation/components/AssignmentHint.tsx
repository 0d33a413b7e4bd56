import type { AssignmentSuggestion } from '@shanzhi/shared';
import { Alert, Button } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** The suggested committee and mediator of an assignment (by territory, field, expertise and load). */
export function AssignmentHint({
  suggestion,
  onUse,
}: {
  suggestion: AssignmentSuggestion;
  onUse: (committeeId: number, mediatorId: number | null) => void;
}) {
  const { t } = useI18n();
  const committee = suggestion.committee;
  if (!committee) return null;
  const mediator = suggestion.mediators.find((m) => m.id === suggestion.mediatorId);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="assignment-suggestion"
      style={{ marginBottom: 12 }}
      message={t('mediation.assign.suggested', {
        committee: committee.name,
        mediator: mediator ? `${mediator.name}${mediator.gold ? '（金牌调解员）' : ''}` : '—',
      })}
      action={
        <Button size="small" onClick={() => onUse(committee.id, suggestion.mediatorId)}>
          采用
        </Button>
      }
    />
  );
}
