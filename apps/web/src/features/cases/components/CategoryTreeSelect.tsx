import { Tag, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchActiveCategories, type IntakeCategory, leafIdsOf } from '../api/catalog-tree.api.js';

/**
 * The matter catalog (事项目录) as a searchable tree; only leaves (小类) are pickable. Props: `value`/`onChange`
 * (the category id, a form field); `onPicked(category)` with the whole category (its priority, its 110 flag);
 * `branches` lets a filter pick a whole branch too; `browse` (a new object each time) opens the tree at a
 * branch, e.g. the area the classifier suggests, for the user to pick the leaf in it.
 */
export function CategoryTreeSelect({
  value,
  onChange,
  onPicked,
  branches = false,
  id,
  placeholder,
  browse,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  onPicked?: (category: IntakeCategory | undefined) => void;
  branches?: boolean;
  id?: string;
  placeholder?: string;
  browse?: { id: number } | null;
}) {
  const { t } = useI18n();
  const categories = useApi(() => fetchActiveCategories(), []);
  const byId = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c])), [categories.data]);
  const [open, setOpen] = useState(false);
  // the branches held open while browsing; null leaves the tree to itself (a search expands what matches)
  const [expanded, setExpanded] = useState<number[] | null>(null);
  useEffect(() => {
    if (!browse) return;
    // the branch and every branch above it, so the tree shows it open
    const path: number[] = [];
    for (let at = byId.get(browse.id); at; at = at.parentId ? byId.get(at.parentId) : undefined)
      path.push(at.id);
    setExpanded(path);
    setOpen(true);
  }, [browse, byId]);
  const nodes = useMemo(() => {
    const leaves = leafIdsOf(categories.data ?? []);
    return (categories.data ?? []).map((c) => {
      const leaf = leaves.has(c.id);
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
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setExpanded(null);
      }}
      onSearch={() => setExpanded(null)}
      {...(expanded ? { treeExpandedKeys: expanded } : {})}
      onTreeExpand={(keys) => expanded && setExpanded(keys.map(Number))}
      popupMatchSelectWidth={false}
      listHeight={400}
      style={{ width: '100%' }}
    />
  );
}
