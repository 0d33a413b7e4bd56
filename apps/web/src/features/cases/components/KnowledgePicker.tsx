import type { KnowledgeEntry } from '@shanzhi/shared';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { apiRequest } from '../../../platform/api/index.js';
import { searchKnowledge } from '../api/answers.api.js';

/**
 * Searches the knowledge base and picks an entry; its answer goes to `onFill` (the answer field of 直接办结).
 * Props: `value`/`onChange` (the entry id, a form field); `initial` (an entry already chosen elsewhere, e.g.
 * on the intake page's knowledge panel); `onFill(answer)`.
 */
export function KnowledgePicker({
  value,
  onChange,
  onFill,
  initial,
  id,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  onFill: (answer: string) => void;
  initial?: Pick<KnowledgeEntry, 'id' | 'question' | 'answer'>;
  id?: string;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Pick<KnowledgeEntry, 'id' | 'question' | 'answer'>[]>(
    initial ? [initial] : [],
  );
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  // an entry chosen elsewhere (the intake page's panel) shows its question, not its id
  useEffect(() => {
    if (value === undefined || options.some((o) => o.id === value)) return;
    apiRequest<KnowledgeEntry>(`/api/v1/knowledge/${value}`).then(
      (entry) => setOptions((known) => [entry, ...known]),
      () => undefined,
    );
  }, [value, options]);

  const search = (q: string) => {
    const mine = ++seq.current;
    if (!q.trim()) return;
    setLoading(true);
    searchKnowledge(q).then(
      (items) => {
        if (mine !== seq.current) return;
        setOptions(items);
        setLoading(false);
      },
      () => mine === seq.current && setLoading(false),
    );
  };

  return (
    <Select
      id={id}
      value={value}
      showSearch
      allowClear
      filterOption={false}
      onSearch={search}
      loading={loading}
      notFoundContent={null}
      placeholder={t('cases.knowledgeSearch')}
      onChange={(entryId: number | undefined) => {
        onChange?.(entryId);
        const entry = options.find((o) => o.id === entryId);
        if (entry) onFill(entry.answer);
      }}
      options={options.map((o) => ({ value: o.id, label: o.question }))}
    />
  );
}
