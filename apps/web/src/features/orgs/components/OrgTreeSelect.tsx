import { TreeSelect } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { orgKindLabel } from '../../../i18n/labels.js';
import { fetchOrgDetail, fetchTreeLevel, type OrgSummary } from '../api/orgs.api.js';

interface Node {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
}

/**
 * Picks an org from the tree, loading it level by level. A value deeper than the levels loaded (a user's org
 * when editing him, a grid in a saved setting) is looked up, so it shows by its name, not its number.
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
  /** the current value's name, when the caller knows it (saves the lookup) */
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
  const [rootsLoaded, setRootsLoaded] = useState(false);

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
      (roots) => {
        setNodes((known) => merge(known, roots.map(toNode)));
        setRootsLoaded(true);
      },
      () => setFailed(true),
    );
  }, []);

  const withInitial =
    initial && !nodes.some((n) => n.id === initial.id)
      ? [...nodes, { id: initial.id, pId: LOOKED_UP, value: initial.id, title: initial.name, isLeaf: true }]
      : nodes;
  const unknownValue = rootsLoaded && value && !withInitial.some((n) => n.id === value) ? value : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: looked up once per value not yet in the tree
  useEffect(() => {
    if (!unknownValue) return;
    const controller = new AbortController();
    fetchOrgDetail(unknownValue, { signal: controller.signal }).then(
      (org) => setNodes((known) => merge(known, [{ ...toNode(org), pId: LOOKED_UP, isLeaf: true }])),
      () => {},
    );
    return () => controller.abort();
  }, [unknownValue]);

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

/** The parent of a node looked up by itself, shown at the top until its level loads. */
const LOOKED_UP = -1;

/** The nodes known and `more`; a node looked up by itself gives way to the same org loaded in its level. */
function merge(known: Node[], more: Node[]): Node[] {
  const loaded = new Set(more.filter((n) => n.pId !== LOOKED_UP).map((n) => n.id));
  const kept = known.filter((n) => !(n.pId === LOOKED_UP && loaded.has(n.id)));
  const ids = new Set(kept.map((n) => n.id));
  return [...kept, ...more.filter((n) => !ids.has(n.id))];
}
