import { TreeSelect } from 'antd';
import { type CSSProperties, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { orgKindLabel } from '../../../i18n/labels.js';
import { fetchOrgs, fetchTreeLevel } from '../../orgs/api/orgs.api.js';
import { loadPickerBase, type PickableOrg } from '../api/pickable-orgs.js';
import { type RecentUnit, readRecentUnits } from '../recent-units.js';

/** Kinds of org a case can be handed to: functional units, centres, towns/streets, villages/communities. */
const PICKABLE = new Set(['unit', 'center', 'town', 'community']);

interface Node {
  id: string;
  pId: string;
  value: string;
  title: string;
  selectable: boolean;
  isLeaf: boolean;
  disableCheckbox?: boolean;
  orgId?: number;
}

type Org = PickableOrg;

/** Props of {@link UnitPicker}: a single unit (`value: number`) or, with `multiple`, several. */
export interface UnitPickerProps {
  value?: number | number[] | null;
  onChange?: (value: number | number[] | undefined) => void;
  /** co-handlers, consult units: several at once */
  multiple?: boolean;
  /** ids not to offer (the lead unit among co-handlers) */
  exclude?: readonly number[];
  /** names of ids that may not be loaded yet (the case's current lead unit) */
  known?: readonly { id: number; name: string }[];
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
  /** called with the picked orgs, for remembering them as recent */
  onPicked?: (orgs: RecentUnit[]) => void;
}

/**
 * Picks the unit(s) a case goes to: recently used units first (this browser), then the functional units and the
 * centres, then the territorial tree (district → town → community, loaded level by level); typing searches every
 * org in the user's scope on the server. Towns and communities are pickable; districts and grids only open.
 */
export function UnitPicker({
  value,
  onChange,
  multiple = false,
  exclude = [],
  known = [],
  placeholder,
  id,
  style,
  onPicked,
}: UnitPickerProps) {
  const { t, locale } = useI18n();
  const [orgs, setOrgs] = useState<Map<number, Org>>(new Map());
  const [units, setUnits] = useState<Org[]>([]);
  const [tree, setTree] = useState<Org[]>([]);
  const [found, setFound] = useState<Org[]>([]);
  const [failed, setFailed] = useState(false);
  const [recent] = useState(readRecentUnits);
  const searchSeq = useRef(0);

  const learn = (list: Org[]) =>
    setOrgs((map) => {
      const next = new Map(map);
      for (const org of list) next.set(org.id, { ...next.get(org.id), ...org });
      return next;
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once
  useEffect(() => {
    loadPickerBase().then(
      ([u, c, roots]) => {
        const list = [...u.items, ...c.items];
        setUnits(list);
        setTree(roots.filter((r) => r.kind !== 'unit' && r.kind !== 'center'));
        learn([...list, ...roots]);
      },
      () => setFailed(true),
    );
  }, []);

  const excludeKey = exclude.join(',');
  const valueKey = JSON.stringify(value ?? null);
  const knownKey = JSON.stringify(known);

  // the tree select keeps its search and expansion only while its data keeps its identity
  // biome-ignore lint/correctness/useExhaustiveDependencies: `exclude`, `known` and `value` enter by their keys
  const nodes = useMemo(() => {
    const label = (org: Org) => `${org.name}（${orgKindLabel(org.kind, locale)}）`;
    const excluded = new Set(exclude);
    const out: Node[] = [];
    const group = (key: string, title: string) =>
      out.push({
        id: key,
        pId: '',
        value: key,
        title,
        selectable: false,
        isLeaf: false,
        disableCheckbox: true,
      });
    const leaf = (key: string, org: Org, isLeaf = true) => {
      if (excluded.has(org.id)) return;
      out.push({
        id: `${key}:${org.id}`,
        pId: key,
        value: `${key}:${org.id}`,
        title: label(org),
        selectable: PICKABLE.has(org.kind),
        disableCheckbox: !PICKABLE.has(org.kind),
        isLeaf,
        orgId: org.id,
      });
    };
    if (found.length > 0) {
      group('found', t('unitPicker.found', { count: found.length }));
      for (const org of found) leaf('found', org);
    }
    if (recent.length > 0) {
      group('recent', t('unitPicker.recent'));
      for (const org of recent) leaf('recent', org);
    }
    group('units', t('unitPicker.units'));
    for (const org of units.filter((u) => u.kind === 'unit')) leaf('units', org);
    group('centres', t('unitPicker.centres'));
    for (const org of units.filter((u) => u.kind === 'center')) leaf('centres', org);
    group('area', t('unitPicker.area'));
    for (const org of tree) {
      const parentKey =
        org.parentId !== undefined && org.parentId !== null && tree.some((o) => o.id === org.parentId)
          ? `area:${org.parentId}`
          : 'area';
      if (excluded.has(org.id)) continue;
      out.push({
        id: `area:${org.id}`,
        pId: parentKey,
        value: `area:${org.id}`,
        title: label(org),
        selectable: PICKABLE.has(org.kind),
        disableCheckbox: !PICKABLE.has(org.kind),
        isLeaf: (org.childCount ?? 0) === 0 || org.kind === 'community',
        orgId: org.id,
      });
    }
    // a value not loaded yet still shows its name
    const ids = Array.isArray(value) ? value : value ? [value] : [];
    for (const orgId of ids) {
      if (out.some((n) => n.orgId === orgId)) continue;
      const name = known.find((k) => k.id === orgId)?.name ?? orgs.get(orgId)?.name ?? String(orgId);
      out.push({
        id: `known:${orgId}`,
        pId: '',
        value: `known:${orgId}`,
        title: name,
        selectable: true,
        isLeaf: true,
        orgId,
      });
    }
    return out;
  }, [found, recent, units, tree, valueKey, knownKey, orgs, locale, t, excludeKey]);

  const keyOf = (orgId: number) => nodes.find((n) => n.orgId === orgId)?.value ?? `known:${orgId}`;
  const idOf = (key: string) => Number(key.split(':')[1]);
  const selected = Array.isArray(value) ? value.map(keyOf) : value ? keyOf(value) : undefined;

  const emit = (keys: string | string[] | undefined) => {
    if (keys === undefined) return onChange?.(undefined);
    const ids = (Array.isArray(keys) ? keys : [keys]).map(idOf).filter((n) => Number.isInteger(n));
    const unique = [...new Set(ids)];
    onPicked?.(
      unique.flatMap((orgId) => {
        const org = orgs.get(orgId) ?? recent.find((r) => r.id === orgId);
        return org ? [{ id: org.id, name: org.name, kind: org.kind }] : [];
      }),
    );
    onChange?.(multiple ? unique : unique[0]);
  };

  const search = (q: string) => {
    const seq = ++searchSeq.current;
    if (q.trim().length === 0) {
      setFound([]);
      return;
    }
    fetchOrgs({ q: q.trim(), pageSize: 30 }).then(
      (page) => {
        if (seq !== searchSeq.current) return;
        const pickable = page.items.filter((o) => PICKABLE.has(o.kind));
        learn(pickable);
        setFound(pickable);
      },
      () => undefined,
    );
  };

  return (
    <TreeSelect
      id={id}
      style={{ width: '100%', ...style }}
      value={selected}
      onChange={(keys: string | string[] | undefined) => emit(keys)}
      multiple={multiple}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: '' }}
      treeData={nodes}
      treeDefaultExpandedKeys={['found', 'recent', 'units']}
      loadData={async (node) => {
        const orgId = (node as unknown as Node).orgId;
        if (orgId === undefined || !String(node.value).startsWith('area:')) return;
        const children = await fetchTreeLevel(orgId);
        const territorial = children.filter(
          (c) => c.kind !== 'unit' && c.kind !== 'center' && c.kind !== 'grid',
        );
        learn(territorial);
        setTree((known) => [...known, ...territorial.filter((c) => !known.some((k) => k.id === c.id))]);
      }}
      showSearch
      onSearch={search}
      filterTreeNode={(input, node) =>
        String(node.title ?? '').includes(input) || String(node.value).startsWith('found')
      }
      allowClear
      placeholder={failed ? t('error.loadFailed') : (placeholder ?? t('unitPicker.placeholder'))}
      popupMatchSelectWidth={false}
      listHeight={380}
      treeLine
    />
  );
}
