import { PlusOutlined } from '@ant-design/icons';
import {
  GRID_TASK_STATES,
  type GridTaskListQuery,
  type GridTaskState,
  type GridTaskView,
} from '@shanzhi/shared';
import { App, Button, Card, Checkbox, Flex, Input, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useKeysetPages } from '../../../platform/lists/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { cancelTask, fetchTasks } from '../api/grid-work.api.js';
import { AssignTaskDialog } from '../components/AssignTaskDialog.js';
import { TaskStateTag } from '../components/GridStateTags.js';
import { taskStateLabel } from '../grid-labels.js';

type Filters = Pick<GridTaskListQuery, 'within' | 'state' | 'overdue'>;

/** 撤回: withdraws a task with a reason, when the server lists the action for this user. */
function CancelButton({ task, onDone }: { task: GridTaskView; onDone: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  if (!task.actions.includes('cancel')) return null;
  const ask = () => {
    let reason = '';
    modal.confirm({
      title: t('gridWork.task.cancelTitle', { title: task.title }),
      content: (
        <Input.TextArea
          rows={2}
          aria-label={t('gridWork.task.cancelReason')}
          placeholder={t('gridWork.task.cancelReason')}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      okText: t('gridWork.task.cancel'),
      onOk: async () => {
        try {
          await cancelTask(task, reason);
          message.success(t('gridWork.task.cancelled'));
          onDone();
        } catch (error) {
          message.error(errorText(error, t));
          throw error;
        }
      },
    });
  };
  return (
    <Button size="small" danger onClick={ask}>
      {t('gridWork.task.cancel')}
    </Button>
  );
}

/**
 * 网格任务: the tasks pushed onto the grids of the caller's scope, nearest deadline first, overdue ones flagged;
 * towns and centres push a new one (items of the admission list only) and withdraw their own.
 */
export function GridTasksPage() {
  const { t, locale } = useI18n();
  const mayAssign = usePermission('grid_task.assign');
  // what is still to do comes first; the done and the withdrawn are a filter away
  const [filters, setFilters] = useState<Filters>({ state: 'assigned' });
  const [assigning, setAssigning] = useState(false);
  const pages = useKeysetPages(
    (page, signal) => fetchTasks({ ...filters, ...page }, signal),
    JSON.stringify(filters),
    20,
  );
  const set = (patch: Partial<Filters>) =>
    setFilters((current) =>
      Object.fromEntries(Object.entries({ ...current, ...patch }).filter(([, v]) => v !== undefined)),
    );

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.gridTasks')}
        description={t('gridWork.tasks.description')}
        extra={
          mayAssign && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)}>
              {t('gridWork.task.assign')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <OrgTreeSelect
            value={filters.within ?? null}
            onChange={(within) => set({ within })}
            allowClear
            placeholder={t('gridWork.within')}
            aria-label={t('gridWork.within')}
            style={{ width: 220 }}
          />
          <Select<GridTaskState>
            allowClear
            placeholder={t('gridWork.state')}
            aria-label={t('gridWork.state')}
            style={{ width: 130 }}
            value={filters.state}
            onChange={(state) => set({ state })}
            options={GRID_TASK_STATES.map((s) => ({ value: s, label: taskStateLabel(s, locale) }))}
          />
          <Checkbox
            checked={filters.overdue === 'true'}
            onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
          >
            {t('gridWork.tasks.overdueOnly')}
          </Checkbox>
        </Flex>
        {pages.page.error ? (
          <ErrorState compact error={pages.page.error} onRetry={pages.page.reload} />
        ) : (
          <Table<GridTaskView>
            size="small"
            data-testid="grid-tasks"
            rowKey="id"
            loading={pages.page.loading}
            dataSource={pages.page.data?.items ?? []}
            pagination={false}
            scroll={{ x: 980 }}
            rowClassName={(row) => (row.overdue ? 'grid-task-overdue' : '')}
            onRow={(row) => (row.overdue ? { style: { background: '#fff1f0' } } : {})}
            columns={[
              { title: t('gridWork.task.titleLabel'), dataIndex: 'title', ellipsis: true },
              { title: t('gridWork.grid'), dataIndex: 'gridName', width: 190, ellipsis: true },
              {
                title: t('gridWork.task.item'),
                key: 'item',
                width: 200,
                ellipsis: true,
                render: (_: unknown, row) => `${row.admissionItemCode} ${row.admissionItemName}`,
              },
              {
                title: t('gridWork.task.assignedBy'),
                key: 'by',
                width: 170,
                ellipsis: true,
                render: (_: unknown, row) => (
                  <span>
                    {row.assignedByOrgName}
                    <Typography.Text type="secondary"> · {row.assignedByName}</Typography.Text>
                  </span>
                ),
              },
              {
                title: t('gridWork.task.dueAt'),
                dataIndex: 'dueAt',
                width: 130,
                render: (at: string, row) => (
                  <Typography.Text type={row.overdue ? 'danger' : undefined}>
                    {dayjs(at).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                ),
              },
              {
                title: t('gridWork.state'),
                key: 'state',
                width: 140,
                render: (_: unknown, row) => <TaskStateTag state={row.state} overdue={row.overdue} />,
              },
              {
                title: t('gridWork.actions'),
                key: 'actions',
                width: 80,
                render: (_: unknown, row) => <CancelButton task={row} onDone={pages.page.reload} />,
              },
            ]}
          />
        )}
        <KeysetPager pages={pages} />
      </Card>
      {mayAssign && (
        <AssignTaskDialog
          open={assigning}
          onClose={() => setAssigning(false)}
          onAssigned={() => {
            setAssigning(false);
            pages.page.reload();
          }}
        />
      )}
    </Flex>
  );
}
