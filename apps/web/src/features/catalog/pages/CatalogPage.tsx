import { PlusOutlined } from '@ant-design/icons';
import { CATALOG_MAX_LEVEL } from '@shanzhi/shared';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Tabs,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { timeLimitText } from '../../../i18n/labels.js';
import { useApi } from '../../../platform/api/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { type CategoryView, fetchCategories, fetchHandlingUnits } from '../api/catalog.api.js';
import type { EditorTarget } from '../category-form.js';
import { CategoryEditor } from '../components/CategoryEditor.js';
import { GridItemsTab } from '../components/GridItemsTab.js';

/** 事项目录: the three-level matter catalogue with its leaf editor, and the grid item admission list. */
export function CatalogPage() {
  const { t } = useI18n();
  return (
    <Flex vertical>
      <PageTitle title={t('menu.catalog')} description={t('catalog.description')} />
      <Tabs
        items={[
          { key: 'catalog', label: t('catalog.tabCatalog'), children: <CatalogTree /> },
          { key: 'grid', label: t('catalog.tabGrid'), children: <GridItemsTab /> },
        ]}
      />
    </Flex>
  );
}

function CatalogTree() {
  const { t, locale } = useI18n();
  const canWrite = usePermission('catalog.write');
  const list = useApi((signal) => fetchCategories(signal), []);
  const units = useApi((signal) => fetchHandlingUnits(signal), []);
  const [q, setQ] = useState('');
  const [target, setTarget] = useState<EditorTarget | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);

  const categories = list.data ?? [];
  const byId = useMemo(() => new Map(categories.map((c) => [c.id, c])), [categories]);

  const { treeData, matchedParents, leafCount } = useMemo(() => {
    const needle = q.trim();
    const children = new Map<number | null, CategoryView[]>();
    for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
    const matchedParents: number[] = [];
    const build = (parentId: number | null): TreeDataNode[] =>
      (children.get(parentId) ?? []).flatMap((c) => {
        const sub = build(c.id);
        const hit = !needle || c.name.includes(needle) || c.code.startsWith(needle);
        if (!hit && sub.length === 0) return [];
        if (needle && sub.length > 0) matchedParents.push(c.id);
        return [
          {
            key: c.id,
            isLeaf: c.level === CATALOG_MAX_LEVEL,
            children: c.level === CATALOG_MAX_LEVEL ? undefined : sub,
            title: (
              <span style={c.active ? undefined : { color: '#999' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 6 }}>
                  {c.code}
                </Typography.Text>
                <span>{c.name}</span>
                {c.police && (
                  <Tag color="red" bordered={false} style={{ marginInlineStart: 6, fontSize: 11 }}>
                    110
                  </Tag>
                )}
                {!c.active && (
                  <Tag bordered={false} style={{ marginInlineStart: 6, fontSize: 11 }}>
                    {t('catalog.inactive')}
                  </Tag>
                )}
                {c.level === CATALOG_MAX_LEVEL && c.resolveLimit && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                    {timeLimitText(c.resolveLimit, locale)}
                  </Typography.Text>
                )}
              </span>
            ),
          },
        ];
      });
    return {
      treeData: build(null),
      matchedParents,
      leafCount: categories.filter((c) => c.level === CATALOG_MAX_LEVEL).length,
    };
  }, [categories, q, t, locale]);

  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;

  const selected = target?.kind === 'edit' ? target.category : null;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10} xxl={8}>
        <Card
          size="small"
          title={t('catalog.treeTitle', { count: categories.length, leaves: leafCount })}
          loading={list.loading && !list.data}
          extra={
            canWrite && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setTarget({ kind: 'create', parent: null })}
              >
                {t('catalog.createArea')}
              </Button>
            )
          }
        >
          <Input.Search
            allowClear
            placeholder={t('catalog.search')}
            onSearch={setQ}
            onChange={(e) => !e.target.value && setQ('')}
            style={{ marginBottom: 12 }}
            aria-label={t('catalog.search')}
          />
          {treeData.length === 0 ? (
            <Empty description={q ? t('catalog.searchEmpty') : t('catalog.empty')} />
          ) : (
            <Tree
              blockNode
              height={600}
              treeData={treeData}
              expandedKeys={q ? matchedParents : expanded}
              onExpand={(keys) => setExpanded(keys as number[])}
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(keys) => {
                const category = byId.get(keys[0] as number);
                if (category) setTarget({ kind: 'edit', category });
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14} xxl={16}>
        {target ? (
          <Flex vertical gap={12}>
            {canWrite && selected && selected.level < CATALOG_MAX_LEVEL && (
              <Flex justify="flex-end">
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => setTarget({ kind: 'create', parent: selected })}
                >
                  {selected.level === 1 ? t('catalog.createSub') : t('catalog.createLeaf')}
                </Button>
              </Flex>
            )}
            <CategoryEditor
              target={target}
              units={units.data ?? []}
              canWrite={canWrite}
              onSaved={(saved) => {
                list.setData(
                  byId.has(saved.id)
                    ? categories.map((c) => (c.id === saved.id ? saved : c))
                    : [...categories, saved].sort((a, b) =>
                        a.code.localeCompare(b.code, 'en', { numeric: true }),
                      ),
                );
                // Open every level above a new category, so that it shows in the tree.
                const above: number[] = [];
                for (let id = saved.parentId; id !== null; id = byId.get(id)?.parentId ?? null)
                  above.push(id);
                setExpanded((keys) => [...new Set([...keys, ...above])]);
                setTarget({ kind: 'edit', category: saved });
              }}
            />
          </Flex>
        ) : (
          <Card size="small">
            <Empty description={t('catalog.pickOne')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
