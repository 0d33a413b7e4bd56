import { fillReplyTemplate, placeholdersOf, type ReplyTemplate } from '@shanzhi/shared';
import { Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { fetchReplyTemplates } from '../api/answers.api.js';
import type { CaseSummary } from '../api/cases.api.js';

/** The placeholder values a case gives a reply template. */
export function templateValuesOf(c: CaseSummary, handlerName: string | undefined): Record<string, string> {
  const values: Record<string, string> = {
    caseNumber: c.number,
    date: dayjs().format('YYYY年M月D日'),
  };
  if (c.citizenName) values.citizenName = c.citizenName;
  if (c.leadUnit) values.unitName = c.leadUnit.name;
  if (c.category) values.categoryName = c.category.name;
  if (c.address) values.address = c.address;
  if (handlerName) values.handlerName = handlerName;
  return values;
}

/**
 * Picks a standard reply template (标准回复样板) for a case and hands its text, placeholders filled from the
 * case, to `onFill` (the reply field, which stays editable). Props: `caseData`; `value`/`onChange` (the
 * template id, a form field); `onFill(text)`. Placeholders the case cannot fill stay visible as `{name}`.
 */
export function ReplyTemplatePicker({
  caseData,
  value,
  onChange,
  onFill,
  id,
}: {
  caseData: CaseSummary;
  value?: number;
  onChange?: (id: number | undefined) => void;
  onFill: (text: string) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const session = useSession();
  const handlerName = session.status === 'ready' ? session.me.user.displayName : undefined;
  const templates = useApi(
    (signal) => fetchReplyTemplates(caseData.category?.id, signal),
    [caseData.category?.id],
  );
  const pick = (templateId: number | undefined) => {
    onChange?.(templateId);
    const template = templates.data?.find((tpl: ReplyTemplate) => tpl.id === templateId);
    if (template) onFill(fillReplyTemplate(template.body, templateValuesOf(caseData, handlerName)));
  };
  const chosen = templates.data?.find((tpl) => tpl.id === value);
  const missing = chosen
    ? placeholdersOf(fillReplyTemplate(chosen.body, templateValuesOf(caseData, handlerName)))
    : [];
  return (
    <>
      <Select
        id={id}
        value={value}
        onChange={pick}
        allowClear
        showSearch
        optionFilterProp="label"
        loading={templates.loading}
        placeholder={templates.error ? t('error.loadFailed') : t('caseReply.templatePlaceholder')}
        options={(templates.data ?? []).map((tpl) => ({
          value: tpl.id,
          label: tpl.categoryName ? `${tpl.name}（${tpl.categoryName}）` : tpl.name,
        }))}
      />
      {missing.length > 0 && (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4, fontSize: 12 }}>
          {t('caseReply.unfilled', { names: missing.map((m) => `{${m}}`).join(' ') })}
        </Typography.Text>
      )}
    </>
  );
}
