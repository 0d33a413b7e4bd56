import { Input, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { type CaseSummary, findCaseByNumber } from '../api/cases.api.js';
import { CaseStateTag } from './CaseStateTag.js';

/**
 * Finds a case by its number (一档一号) in the user's scope, e.g. the master case of a merge. Props:
 * `value`/`onChange` (the found case's id, a form field); `excludeId` (the case itself is not a candidate).
 */
export function CaseNumberPicker({
  value,
  onChange,
  excludeId,
  id,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  excludeId?: number;
  id?: string;
}) {
  const { t } = useI18n();
  const [found, setFound] = useState<CaseSummary | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const search = async (number: string) => {
    const wanted = number.trim().toUpperCase();
    if (!wanted) return;
    setLoading(true);
    setNote(null);
    try {
      const hit = await findCaseByNumber(wanted);
      if (!hit || hit.id === excludeId) {
        setFound(null);
        onChange?.(undefined);
        setNote(t('caseMerge.notFound', { number: wanted }));
      } else {
        setFound(hit);
        onChange?.(hit.id);
      }
    } catch (error) {
      setNote(errorText(error, t));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div>
      <Input.Search
        id={id}
        placeholder={t('caseMerge.numberPlaceholder')}
        enterButton={t('caseMerge.find')}
        loading={loading}
        onSearch={(v) => void search(v)}
      />
      {found && value === found.id && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          <Typography.Text strong>{found.number}</Typography.Text> <CaseStateTag state={found.state} />{' '}
          {found.title}
        </Typography.Paragraph>
      )}
      {note && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {note}
        </Typography.Text>
      )}
    </div>
  );
}
