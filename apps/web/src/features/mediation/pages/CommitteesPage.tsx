import {
  COMMITTEE_LEVEL_LABELS,
  type CommitteeView,
  DISPUTE_FIELD_LABELS,
  type DisputeField,
  type MediatorView,
} from '@shanzhi/shared';
import { App, Button, Card, Col, Flex, Input, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { fetchCommittees, fetchMediators, removeMediator } from '../api/mediation.api.js';
import { AddMediatorDialog } from '../components/AddMediatorDialog.js';
import { CommitteeDialog } from '../components/CommitteeDialog.js';

const fieldTags = (fields: DisputeField[]) =>
  fields.length === 0 ? '全部类型' : fields.map((f) => <Tag key={f}>{DISPUTE_FIELD_LABELS[f]}</Tag>);

/**
 * The mediators of one committee: expertise, load, 金牌调解员, the studio each leads — and, for those who
 * configure mediation, 编辑 of the committee, 添加调解员 and 移除. `onChanged` after any change.
 */
function MediatorsCard({
  committee,
  mayConfigure,
  onChanged,
}: {
  committee: CommitteeView;
  mayConfigure: boolean;
  onChanged: (saved?: CommitteeView) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mediators = useApi((signal) => fetchMediators({ committee: committee.id }, signal), [committee.id]);
  const [dialog, setDialog] = useState<'edit' | 'add' | null>(null);

  async function remove(m: MediatorView) {
    try {
      await removeMediator(committee.id, m.id);
      message.success(`${m.name} 已移出${committee.name}`);
      mediators.reload();
      onChanged();
    } catch (error) {
      message.error(errorText(error, t));
    }
  }

  const actions = mayConfigure ? (
    <Space>
      <Button size="small" onClick={() => setDialog('edit')}>
        编辑
      </Button>
      <Button size="small" type="primary" onClick={() => setDialog('add')}>
        添加调解员
      </Button>
    </Space>
  ) : null;
  return (
    <Card size="small" title={`${committee.name} · 调解员`} extra={actions}>
      {dialog === 'edit' && (
        <CommitteeDialog
          committee={committee}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            onChanged(saved);
          }}
        />
      )}
      {dialog === 'add' && (
        <AddMediatorDialog
          committee={committee}
          onClose={() => setDialog(null)}
          onAdded={() => {
            setDialog(null);
            mediators.reload();
            onChanged();
          }}
        />
      )}
      {committee.studios.length > 0 && (
        <Flex gap={8} wrap style={{ marginBottom: 8 }} data-testid="studios">
          {committee.studios.map((s) => (
            <Tag key={s.id} color="purple">
              {s.name}
              {s.leaderName ? `（${s.leaderName}）` : ''}
            </Tag>
          ))}
        </Flex>
      )}
      {mediators.error ? (
        <ErrorState compact error={mediators.error} onRetry={mediators.reload} />
      ) : (
        <Table<MediatorView>
          size="small"
          rowKey="id"
          data-testid="mediators"
          loading={mediators.loading}
          dataSource={mediators.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              render: (name: string, m) => (
                <>
                  {name} {m.gold && <Tag color="gold">{t('mediation.committees.gold')}</Tag>}
                </>
              ),
            },
            { title: '擅长', dataIndex: 'fields', render: fieldTags },
            { title: '在办', dataIndex: 'openDisputes', width: 60, align: 'right' },
            { title: '工作室', dataIndex: 'studioName', render: (s: string | null) => s ?? '—' },
            ...(mayConfigure
              ? [
                  {
                    title: t('common.actions'),
                    key: 'remove',
                    width: 70,
                    render: (_: unknown, m: MediatorView) => (
                      <Popconfirm title={`将 ${m.name} 移出${committee.name}？`} onConfirm={() => remove(m)}>
                        <Button size="small" type="link" danger>
                          移除
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

/** 调解组织: the committees of the caller's scope by level and field; a row opens its mediators and studios. */
export function CommitteesPage() {
  const { t } = useI18n();
  const mayConfigure = usePermission('mediation.configure');
  const committees = useApi((signal) => fetchCommittees(signal), []);
  const [picked, setPicked] = useState<CommitteeView | null>(null);
  const [creating, setCreating] = useState(false);
  const [words, setWords] = useState('');
  const changed = (saved?: CommitteeView) => {
    if (saved) setPicked(saved);
    committees.reload();
  };
  const shown = (committees.data ?? []).filter((c) => c.name.includes(words.trim()));
  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('menu.mediationCommittees')} description={t('mediation.committees.description')} />
      {committees.error ? (
        <ErrorState error={committees.error} onRetry={committees.reload} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={13}>
            <Card size="small">
              <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
                <Input.Search
                  allowClear
                  placeholder="调委会名称"
                  aria-label="调委会名称"
                  style={{ width: 240 }}
                  onChange={(e) => setWords(e.target.value)}
                />
                {mayConfigure && (
                  <Button type="primary" onClick={() => setCreating(true)}>
                    新建调解组织
                  </Button>
                )}
              </Flex>
              {creating && (
                <CommitteeDialog
                  onClose={() => setCreating(false)}
                  onSaved={(saved) => {
                    setCreating(false);
                    changed(saved);
                  }}
                />
              )}
              <Table<CommitteeView>
                size="small"
                rowKey="id"
                data-testid="committees"
                loading={committees.loading}
                dataSource={shown}
                pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
                onRow={(row) => ({ onClick: () => setPicked(row), style: { cursor: 'pointer' } })}
                rowClassName={(row) => (row.id === picked?.id ? 'ant-table-row-selected' : '')}
                columns={[
                  { title: '名称', dataIndex: 'name', ellipsis: true },
                  {
                    title: '层级',
                    dataIndex: 'level',
                    width: 150,
                    render: (l: CommitteeView['level']) => COMMITTEE_LEVEL_LABELS[l],
                  },
                  { title: '受理类型', dataIndex: 'fields', render: fieldTags },
                  { title: '调解员', dataIndex: 'mediatorCount', width: 70, align: 'right' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={11}>
            {picked ? (
              <MediatorsCard
                key={picked.id}
                committee={picked}
                mayConfigure={mayConfigure}
                onChanged={changed}
              />
            ) : (
              <Typography.Text type="secondary">选择一个调委会查看其调解员和工作室</Typography.Text>
            )}
          </Col>
        </Row>
      )}
    </Flex>
  );
}
