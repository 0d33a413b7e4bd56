import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchCategories } from '../../catalog/api/catalog.api.js';

/** Picks a catalog category (a branch means its whole subtree), searchable by name or code. */
export function CategoryTreeSelect({
  value,
  onChange,
  style,
}: {
  value?: number | undefined;
  onChange: (value: number | undefined) => void;
  style?: React.CSSProperties;
}) {
  const { t } = useI18n();
  const categories = useApi((signal) => fetchCategories(signal), []);
  const nodes = useMemo(
    () =>
      (categories.data ?? [])
        .filter((c) => c.active)
        .map((c) => ({
          id: c.id,
          pId: c.parentId ?? 0,
          value: c.id,
          title: `${c.code} ${c.name}`,
        })),
    [categories.data],
  );
  return (
    <TreeSelect
      style={style}
      value={value}
      onChange={(next: number | undefined) => onChange(next)}
      treeDataSimpleMode
      treeData={nodes}
      showSearch
      treeNodeFilterProp="title"
      allowClear
      loading={categories.loading}
      placeholder={categories.error ? t('error.loadFailed') : t('search.category')}
      popupMatchSelectWidth={false}
      listHeight={360}
    />
  );
}
