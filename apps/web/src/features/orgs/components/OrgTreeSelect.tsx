import { TreeSelect } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { orgKindLabel } from '../../../i18n/labels.js';
import { fetchTreeLevel, type OrgSummary } from '../api/orgs.api.js';

interface Node {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
}

/**
 * Picks an org from the tree, loading it level by level. `initial` names the current value before its level
 * is loaded (a user's org when editing him).
 */
export function OrgTreeSelect({
  value,
  onChange,
  initial,
  placeholder,
  allowClear = false,
  style,
  id,
  'aria-label': ariaLabel,
}: {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  initial?: { id: number; name: string } | undefined;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  /** its name for a screen reader where no form label names it (a filter bar) */
  'aria-label'?: string;
}) {
  const { t, locale } = useI18n();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [failed, setFailed] = useState(false);

  const toNode = (org: OrgSummary): Node => ({
    id: org.id,
    pId: org.parentId ?? 0,
    value: org.id,
    title: `${org.name}（${orgKindLabel(org.kind, locale)}）`,
    isLeaf: org.childCount === 0,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the roots load once
  useEffect(() => {
    fetchTreeLevel().then(
      (roots) => setNodes((known) => merge(known, roots.map(toNode))),
      () => setFailed(true),
    );
  }, []);

  const withInitial =
    initial && !nodes.some((n) => n.id === initial.id)
      ? [...nodes, { id: initial.id, pId: -1, value: initial.id, title: initial.name, isLeaf: true }]
      : nodes;

  return (
    <TreeSelect
      id={id}
      {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
      style={style}
      value={value ?? undefined}
      onChange={(next: number | undefined) => onChange?.(next)}
      treeDataSimpleMode
      treeData={withInitial}
      loadData={async (node) => {
        const children = await fetchTreeLevel(node.value as number);
        setNodes((known) => merge(known, children.map(toNode)));
      }}
      showSearch
      treeNodeFilterProp="title"
      allowClear={allowClear}
      placeholder={failed ? t('error.loadFailed') : (placeholder ?? t('orgs.pickOrg'))}
      popupMatchSelectWidth={false}
      listHeight={360}
    />
  );
}

function merge(known: Node[], more: Node[]): Node[] {
  const ids = new Set(known.map((n) => n.id));
  return [...known, ...more.filter((n) => !ids.has(n.id))];
}
