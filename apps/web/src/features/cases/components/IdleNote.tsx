import { Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { CaseSummary } from '../api/cases.api.js';
import { idleText } from '../idle-reason.js';

/** Why a row shows no button, in the server's words (its `idleReason`), greyed as a remark. */
export function IdleNote({
  caseData,
}: {
  caseData: Pick<CaseSummary, 'actions' | 'idleReason' | 'currentOrg' | 'leadUnit'>;
}) {
  const { t } = useI18n();
  return <Typography.Text type="secondary">{idleText(caseData, t)}</Typography.Text>;
}
