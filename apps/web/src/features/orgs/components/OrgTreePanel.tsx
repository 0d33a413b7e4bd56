import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  List,
  Spin,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { orgKindLabel } from '../../../i18n/labels.js';
import { fetchOrgs, type OrgSummary } from '../api/orgs.api.js';
import { type OrgTreeState, ROOT_LEVEL } from '../hooks/use-org-tree.js';

const KIND_COLORS: Record<string, string> = {
  city: 'geekblue',
  district: 'blue',
  town: 'cyan',
  community: 'green',
  grid: 'lime',
  unit: 'purple',
  center: 'magenta',
};

/** The org tree (loaded level by level) with a search over the whole scope above it. */
export function OrgTreePanel({
  tree,
  selectedId,
  onSelect,
}: {
  tree: OrgTreeState;
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ items: OrgSummary[]; total: number } | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<unknown>(null);

  async function search(value: string) {
    const q = value.trim();
    setQuery(value);
    if (!q) {
      setResults(null);
      return;
    }
    setSearching(true);
    setSearchError(null);
    try {
      const page = await fetchOrgs({ q, active: 'all', pageSize: 30 });
      setResults({ items: page.items, total: page.total });
    } catch (error) {
      setSearchError(error);
    } finally {
      setSearching(false);
    }
  }

  const title = (org: OrgSummary) => (
    <span className="org-tree-title">
      <span style={org.active ? undefined : { color: '#999', textDecoration: 'line-through' }}>
        {org.name}
      </span>
      <Tag bordered={false} color={KIND_COLORS[org.kind]} style={{ marginInlineStart: 6, fontSize: 11 }}>
        {orgKindLabel(org.kind, locale)}
      </Tag>
      {!org.active && <Tag style={{ fontSize: 11 }}>{t('orgs.inactive')}</Tag>}
    </span>
  );

  const toNodes = (parentId: number): TreeDataNode[] | undefined =>
    tree.levels.get(parentId)?.map((org) => ({
      key: org.id,
      title: title(org),
      isLeaf: org.childCount === 0,
      children: toNodes(org.id),
    }));
  const treeData = toNodes(ROOT_LEVEL) ?? [];

  let body: ReactNode;
  if (results) {
    body = (
      <Spin spinning={searching}>
        <Typography.Text type="secondary">
          {t('orgs.searchResults', { count: results.total })}
        </Typography.Text>
        {results.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.searchEmpty')} />
        ) : (
          <List
            size="small"
            dataSource={results.items}
            style={{ maxHeight: 560, overflow: 'auto' }}
            renderItem={(org) => (
              <List.Item
                onClick={() => onSelect(org.id)}
                style={{
                  cursor: 'pointer',
                  background: org.id === selectedId ? '#e6f0ff' : undefined,
                  paddingInline: 8,
                }}
              >
                {title(org)}
              </List.Item>
            )}
          />
        )}
      </Spin>
    );
  } else if (tree.rootError) {
    body = <ErrorState compact error={tree.rootError} onRetry={tree.reloadRoots} />;
  } else if (tree.rootLoading) {
    body = (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin />
      </Flex>
    );
  } else if (treeData.length === 0) {
    body = <Empty description={t('orgs.treeEmpty')} />;
  } else {
    body = (
      <Tree
        blockNode
        height={560}
        treeData={treeData}
        expandedKeys={tree.expandedKeys}
        onExpand={(keys) => tree.setExpandedKeys(keys as number[])}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        onSelect={(keys) => keys[0] !== undefined && onSelect(keys[0] as number)}
        loadData={async (node) => {
          await tree.loadLevel(node.key as number);
        }}
      />
    );
  }

  return (
    <Card
      title={t('orgs.treeTitle')}
      size="small"
      styles={{ body: { padding: 12 } }}
      extra={
        results && (
          <Button size="small" type="link" onClick={() => void search('')}>
            {t('orgs.backToTree')}
          </Button>
        )
      }
    >
      <Input.Search
        allowClear
        placeholder={t('orgs.searchPlaceholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          if (!event.target.value) setResults(null);
        }}
        onSearch={(value) => void search(value)}
        loading={searching}
        style={{ marginBottom: 12 }}
        aria-label={t('orgs.searchPlaceholder')}
      />
      {searchError ? <Alert type="error" showIcon message={errorText(searchError, t)} /> : null}
      {body}
    </Card>
  );
}
