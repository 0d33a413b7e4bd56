import { Col, Flex, Row } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { fetchOrgDetail, type OrgSummary } from '../api/orgs.api.js';
import { OrgDetailPanel } from '../components/OrgDetailPanel.js';
import { OrgFormModal, type OrgFormMode } from '../components/OrgFormModal.js';
import { OrgMapPanel } from '../components/OrgMapPanel.js';
import { OrgTreePanel } from '../components/OrgTreePanel.js';
import { ROOT_LEVEL, useOrgTree } from '../hooks/use-org-tree.js';

/** 组织机构: the org tree, one org's detail and staff, the map of boundaries, and the administrator's writes. */
export function OrgsPage() {
  const { t } = useI18n();
  const canWrite = usePermission('org.write');
  const tree = useOrgTree();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [formMode, setFormMode] = useState<OrgFormMode | null>(null);
  const [generation, setGeneration] = useState(0);

  const detail = useApi(
    async (signal) => (selectedId === null ? undefined : fetchOrgDetail(selectedId, { fresh: true, signal })),
    [selectedId, generation],
  );
  const { reveal } = tree;
  const firstRoot = tree.levels.get(ROOT_LEVEL)?.[0];

  // The page opens on the root of the user's scope (the city, or his district), with its map.
  useEffect(() => {
    if (firstRoot && selectedId === null) setSelectedId(firstRoot.id);
  }, [firstRoot, selectedId]);

  // Selecting from the search, the breadcrumb or the map opens the tree down to the org.
  const select = useCallback(
    async (id: number) => {
      setSelectedId(id);
      try {
        const org = await fetchOrgDetail(id);
        await reveal(org.ancestors.map((a) => a.id));
      } catch {
        // The detail panel shows the failure; the tree just stays as it is.
      }
    },
    [reveal],
  );

  const afterWrite = useCallback(
    async (org: OrgSummary) => {
      setFormMode(null);
      await tree.loadLevel(org.parentId ?? ROOT_LEVEL, true).catch(() => undefined);
      if (org.parentId !== null) {
        // The parent's child count changed too: reload the level that holds the parent.
        const parent = await fetchOrgDetail(org.parentId, { fresh: true }).catch(() => undefined);
        await tree.loadLevel(parent?.parentId ?? ROOT_LEVEL, true).catch(() => undefined);
      }
      setGeneration((g) => g + 1);
      void select(org.id);
    },
    [tree, select],
  );

  return (
    <Flex vertical>
      <PageTitle title={t('menu.orgs')} description={t('orgs.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xxl={6}>
          <OrgTreePanel tree={tree} selectedId={selectedId} onSelect={(id) => void select(id)} />
        </Col>
        <Col xs={24} lg={16} xxl={18}>
          <Flex vertical gap={16}>
            <OrgDetailPanel
              detail={selectedId === null ? null : detail}
              canWrite={canWrite}
              onSelect={(id) => void select(id)}
              onCreateChild={(parent) => setFormMode({ kind: 'create', parent })}
              onEdit={(org) => setFormMode({ kind: 'edit', org })}
              onChanged={(org) => void afterWrite(org)}
            />
            <OrgMapPanel selected={detail.data} onSelect={(id) => void select(id)} />
          </Flex>
        </Col>
      </Row>
      <OrgFormModal
        mode={formMode}
        onClose={() => setFormMode(null)}
        onSaved={(org) => void afterWrite(org)}
      />
    </Flex>
  );
}
