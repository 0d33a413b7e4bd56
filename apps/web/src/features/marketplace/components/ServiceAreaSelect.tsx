import { TreeSelect } from 'antd';
import { useState } from 'react';
import { publicAreasBelow } from '../../portal/api/portal-map.api.js';

interface Node {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
}

/**
 * 服务区域: the city's districts, each opening on its towns/streets (loaded from the portal's public areas when
 * opened); a merchant picks whole districts or single towns.
 */
export function ServiceAreaSelect({
  districts,
  value,
  onChange,
  id,
}: {
  districts: { id: number; name: string }[];
  value?: number[];
  onChange?: (value: number[]) => void;
  id?: string;
}) {
  const [towns, setTowns] = useState<Node[]>([]);
  const nodes: Node[] = [
    ...districts.map((d) => ({ id: d.id, pId: 0, value: d.id, title: d.name, isLeaf: false })),
    ...towns,
  ];
  return (
    <TreeSelect
      id={id}
      multiple
      value={value}
      onChange={(next: number[]) => onChange?.(next)}
      treeDataSimpleMode
      treeData={nodes}
      loadData={async (node) => {
        const below = await publicAreasBelow(node.value as number);
        const more = below.children
          .filter((a) => a.kind === 'town')
          .map((a) => ({ id: a.id, pId: node.value as number, value: a.id, title: a.name, isLeaf: true }));
        setTowns((known) => [...known, ...more.filter((m) => !known.some((k) => k.id === m.id))]);
      }}
      showSearch
      treeNodeFilterProp="title"
      listHeight={320}
    />
  );
}
