import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useDebounced } from '../../../platform/hooks/use-debounced.js';
import { fetchOrgs } from '../../orgs/api/orgs.api.js';

/** Picks a grid of the caller's scope by typing part of its name or code (a city has hundreds). */
export function GridPicker({
  value,
  onChange,
  id,
}: {
  value?: number;
  onChange?: (value: number | undefined) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const grids = useApi((signal) => fetchOrgs({ kind: 'grid', q: q || undefined, pageSize: 30 }, signal), [q]);
  // the picked grid keeps its name while the options follow a new search
  const [picked, setPicked] = useState<{ value: number; label: string } | null>(null);
  const options = (grids.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }));
  if (picked && picked.value === value && !options.some((o) => o.value === value)) options.unshift(picked);
  return (
    <Select<number>
      id={id}
      showSearch
      allowClear
      value={value}
      onChange={(next, option) => {
        setPicked(next === undefined ? null : (option as { value: number; label: string }));
        onChange?.(next);
      }}
      filterOption={false}
      onSearch={setSearch}
      loading={grids.loading}
      placeholder={t('gridWork.task.gridPlaceholder')}
      notFoundContent={t('gridWork.task.noGrid')}
      options={options}
    />
  );
}
