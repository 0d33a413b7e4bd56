import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useDebounced } from '../../../platform/hooks/use-debounced.js';
import { fetchHouses } from '../api/registers.api.js';

/** A house of the user's scope, found by typing part of its address (the first twenty that match). */
export function HouseSelect({
  value,
  onChange,
  initial,
  id,
}: {
  value?: number;
  onChange?: (value: number) => void;
  /** the house already chosen, so its address shows before any search */
  initial?: { id: number; label: string } | undefined;
  id?: string;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const found = useApi((signal) => fetchHouses({ q: q || undefined, pageSize: 20 }, signal), [q]);
  const options = (found.data?.items ?? []).map((house) => ({
    value: house.id,
    label: `${house.label}（${house.gridName}）`,
  }));
  if (initial && !options.some((o) => o.value === initial.id)) {
    options.unshift({ value: initial.id, label: initial.label });
  }
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setTyped}
      loading={found.loading}
      placeholder={t('residents.housePlaceholder')}
      options={options}
    />
  );
}
