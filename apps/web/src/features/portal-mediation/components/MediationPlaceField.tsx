import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { publicAreasBelow } from '../../portal/api/portal-map.api.js';

interface AreaOption {
  value: number;
  label: string;
  isLeaf: boolean;
  children?: AreaOption[];
}

/** Kinds of area a dispute's place stops at: a village/community decides the committee by territory. */
const LEAF_KINDS = new Set(['community', 'grid']);

async function optionsBelow(parentId?: number): Promise<AreaOption[]> {
  const { children } = await publicAreasBelow(parentId ?? null);
  return children
    .filter((area) => area.kind !== 'grid')
    .map((area) => ({ value: area.id, label: area.name, isLeaf: LEAF_KINDS.has(area.kind) }));
}

/**
 * 纠纷发生地: district → town → village/community, drawn from the portal's public areas one level at a time.
 * Props: `value`/`onChange` (antd form field) hold the chosen community's id.
 */
export function MediationPlaceField({
  id,
  onChange,
}: {
  id?: string;
  value?: number;
  onChange?: (orgId: number | undefined) => void;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<AreaOption[]>([]);

  useEffect(() => {
    void optionsBelow().then(setOptions, () => setOptions([]));
  }, []);

  async function loadData(path: AreaOption[]) {
    const target = path[path.length - 1];
    if (!target) return;
    target.children = await optionsBelow(target.value);
    setOptions((current) => [...current]);
  }

  return (
    <Cascader<AreaOption>
      id={id}
      options={options}
      loadData={(path) => void loadData(path as AreaOption[])}
      changeOnSelect
      placeholder={t('mediationPortal.apply.placePlaceholder')}
      onChange={(path) => onChange?.(path?.length ? Number(path[path.length - 1]) : undefined)}
      style={{ width: '100%' }}
    />
  );
}
