import { CASE_ACTIONS, type CaseAction, type CaseOfferedAction } from '@shanzhi/shared';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { DANGEROUS_ACTIONS, PRIMARY_ACTIONS } from '../action-form-spec.js';
import type { CaseDetail, CaseSummary } from '../api/cases.api.js';
import { caseActionLabel } from '../case-labels.js';
import { CaseActionDialog } from './CaseActionDialog.js';
import { IdleNote } from './IdleNote.js';

type OnCase = Exclude<CaseAction, 'register'>;

/** Whether an offered action is one of the spine's on an existing case (not a module's step beside it). */
const isSpineAction = (action: CaseOfferedAction): action is OnCase =>
  action !== 'register' && (CASE_ACTIONS as readonly string[]).includes(action);

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
}

/**
 * The action buttons of a case: exactly the actions the server lists for this user now, in the server's
 * order, each opening its {@link CaseActionDialog}; without any, why not. No business rule lives here.
 */
export function CaseActionBar({
  caseData,
  onDone,
  onStale,
  only,
  size = 'middle',
  initialValues,
}: CaseActionBarProps) {
  const { locale } = useI18n();
  const [open, setOpen] = useState<OnCase | null>(null);
  const spine = caseData.actions.filter(isSpineAction);
  const actions = spine.filter((a) => only === undefined || only.includes(a));
  // a row without buttons says why, in the server's words (its idle reason) — unless what the server offers
  // is a module's step over the case (转人民调解), whose own button stands beside this bar
  if (actions.length === 0) {
    return spine.length < caseData.actions.length ? null : <IdleNote caseData={caseData} />;
  }
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
