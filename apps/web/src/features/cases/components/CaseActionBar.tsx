import type { CaseAction } from '@shanzhi/shared';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { DANGEROUS_ACTIONS, PRIMARY_ACTIONS } from '../action-form-spec.js';
import type { CaseDetail, CaseSummary } from '../api/cases.api.js';
import { caseActionLabel } from '../case-labels.js';
import { CaseActionDialog } from './CaseActionDialog.js';

type OnCase = Exclude<CaseAction, 'register'>;

/** Props of {@link CaseActionBar}. */
export interface CaseActionBarProps {
  /** the case; its `actions` (from the server) are the only buttons shown */
  caseData: CaseSummary | CaseDetail;
  /** the case after an action */
  onDone: (detail: CaseDetail) => void;
  /** the case changed meanwhile: reload it */
  onStale: () => void;
  /** show only these of the server's actions (a queue's own buttons) */
  only?: readonly CaseAction[];
  size?: 'small' | 'middle' | 'large';
  /** starting values of a dialog, by action */
  initialValues?: Partial<Record<CaseAction, Record<string, unknown>>>;
  /** nothing to show when the server lists no action */
  emptyText?: string;
}

/**
 * The action buttons of a case: exactly the actions the server lists for this user now, in the server's
 * order, each opening its {@link CaseActionDialog}. No business rule lives here.
 */
export function CaseActionBar({
  caseData,
  onDone,
  onStale,
  only,
  size = 'middle',
  initialValues,
  emptyText,
}: CaseActionBarProps) {
  const { locale } = useI18n();
  const [open, setOpen] = useState<OnCase | null>(null);
  const actions = caseData.actions.filter(
    (a): a is OnCase => a !== 'register' && (only === undefined || only.includes(a)),
  );
  if (actions.length === 0) return emptyText ? <span>{emptyText}</span> : null;
  return (
    <>
      <Flex gap={8} wrap>
        {actions.map((action) => (
          <Button
            key={action}
            size={size}
            type={PRIMARY_ACTIONS.includes(action) ? 'primary' : 'default'}
            danger={DANGEROUS_ACTIONS.includes(action)}
            onClick={(event) => {
              event.stopPropagation();
              setOpen(action);
            }}
          >
            {caseActionLabel(action, locale)}
          </Button>
        ))}
      </Flex>
      <CaseActionDialog
        caseData={caseData}
        action={open}
        onClose={() => setOpen(null)}
        onDone={onDone}
        onStale={onStale}
        {...(open && initialValues?.[open] ? { initialValues: initialValues[open] } : {})}
      />
    </>
  );
}
