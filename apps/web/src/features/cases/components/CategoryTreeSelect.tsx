import { Tag, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchActiveCategories, type IntakeCategory } from '../api/catalog-tree.api.js';

/**
 * The matter catalog (事项目录) as a searchable tree; only leaves (小类) are pickable. Props: `value`/`onChange`
 * (the category id, a form field); `onPicked(category)` with the whole category (its priority, its 110 flag);
 * `branches` lets a filter pick a whole branch too.
 */
export function CategoryTreeSelect({
  value,
  onChange,
  onPicked,
  branches = false,
  id,
  placeholder,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  onPicked?: (category: IntakeCategory | undefined) => void;
  branches?: boolean;
  id?: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const categories = useApi(() => fetchActiveCategories(), []);
  const byId = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c])), [categories.data]);
  const nodes = useMemo(() => {
    const withChildren = new Set((categories.data ?? []).map((c) => c.parentId));
    return (categories.data ?? []).map((c) => {
      const leaf = !withChildren.has(c.id);
      return {
        id: c.id,
        pId: c.parentId ?? 0,
        value: c.id,
        // the search matches the name and the code
        title: (
          <span>
            {c.name}
            {c.police && (
              <Tag color="volcano" style={{ marginInlineStart: 6 }}>
                110
              </Tag>
            )}
          </span>
        ),
        searchText: `${c.code} ${c.name}`,
        selectable: branches || leaf,
        isLeaf: leaf,
      };
    });
  }, [categories.data, branches]);

  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(next: number | undefined) => {
        onChange?.(next);
        onPicked?.(next === undefined ? undefined : byId.get(next));
      }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: 0 }}
      treeData={nodes}
      showSearch
      treeNodeFilterProp="searchText"
      allowClear
      loading={categories.loading}
      placeholder={
        categories.error ? t('error.loadFailed') : (placeholder ?? t('intake.categoryPlaceholder'))
      }
      popupMatchSelectWidth={false}
      listHeight={400}
      style={{ width: '100%' }}
    />
  );
}
