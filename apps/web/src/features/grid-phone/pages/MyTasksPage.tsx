import { CompleteTaskInput, type GridTaskState, type GridTaskView } from '@shanzhi/shared';
import { Button, Card, Empty, Flex, Form, Input, Segmented, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { fetchTasks } from '../api/grid-phone.api.js';
import { completeTaskUpload } from '../grid-uploads.js';
import { taskStateLabel } from '../phone-labels.js';
import { enqueueUpload, useUploadQueue } from '../upload-queue.js';

/** One task: what, from whom, by when — and 完成 while it is to do. */
function TaskCard({
  task,
  waiting,
  onComplete,
}: {
  task: GridTaskView;
  waiting: boolean;
  onComplete: () => void;
}) {
  const { t } = useI18n();
  return (
    <Card size="small">
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ minWidth: 0 }}>
          {task.title}
        </Typography.Text>
        {task.overdue && <Tag color="red">{t('phone.tasks.overdue')}</Tag>}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {task.admissionItemName} ·{' '}
        {t('phone.tasks.from', { org: task.assignedByOrgName, name: task.assignedByName })}
      </Typography.Text>
      {task.detail && <Typography.Paragraph style={{ margin: '6px 0' }}>{task.detail}</Typography.Paragraph>}
      <Typography.Text type={task.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {t('phone.tasks.due', { time: dayjs(task.dueAt).format('MM-DD HH:mm') })}
      </Typography.Text>
      {task.resultNote && (
        <Typography.Paragraph style={{ margin: '6px 0 0' }}>{task.resultNote}</Typography.Paragraph>
      )}
      {waiting ? (
        <Tag color="gold" style={{ display: 'block', marginTop: 8, width: 'fit-content' }}>
          {t('phone.tasks.waiting')}
        </Tag>
      ) : (
        task.actions.includes('complete') && (
          <Button type="primary" block style={{ marginTop: 8 }} onClick={onComplete}>
            {t('phone.tasks.complete')}
          </Button>
        )
      )}
    </Card>
  );
}

/**
 * 我的任务: what towns and units pushed onto the worker's grid (items of the admission list only), nearest
 * deadline first; completing one goes through the upload queue.
 */
export function MyTasksPage() {
  const { t, locale } = useI18n();
  const queue = useUploadQueue();
  const [state, setState] = useState<GridTaskState>('assigned');
  const waitingPaths = queue.items.filter((u) => u.kind === 'task_action').map((u) => u.path);
  const tasks = useApi((signal) => fetchTasks(state, signal), [state, waitingPaths.length]);
  const [completing, setCompleting] = useState<GridTaskView | null>(null);
  const [form] = Form.useForm<{ note: string }>();

  async function complete(values: { note: string }) {
    if (!completing) return;
    await enqueueUpload(completeTaskUpload(completing, values));
    setCompleting(null);
  }

  const items = tasks.data?.items ?? [];
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={1} style={{ fontSize: 18, margin: '4px 0' }}>
        {t('phone.tasks.title')}
      </Typography.Title>
      <Segmented<GridTaskState>
        block
        value={state}
        onChange={setState}
        options={(['assigned', 'done'] as const).map((s) => ({ value: s, label: taskStateLabel(s, locale) }))}
      />
      {tasks.error && !tasks.data ? (
        <ErrorState compact error={tasks.error} onRetry={tasks.reload} />
      ) : (
        items.map((task) => (
          <TaskCard
            key={task.id}
            task={task}
            waiting={waitingPaths.includes(`/api/v1/grid/tasks/${task.id}/actions/complete`)}
            onComplete={() => {
              form.resetFields();
              setCompleting(task);
            }}
          />
        ))
      )}
      {!tasks.loading && !tasks.error && items.length === 0 && <Empty description={t('phone.tasks.empty')} />}
      <FormModal<{ note: string }>
        open={completing !== null}
        title={completing?.title ?? ''}
        okText={t('phone.tasks.complete')}
        form={form}
        name="complete-task"
        known={['note']}
        width={520}
        onClose={() => setCompleting(null)}
        save={complete}
        savedMessage={navigator.onLine ? t('phone.sent') : t('phone.savedOffline')}
      >
        <Form.Item name="note" label={t('phone.tasks.note')} rules={[zodRule(CompleteTaskInput.shape.note)]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
