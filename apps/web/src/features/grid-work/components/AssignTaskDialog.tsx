import type { AssignTaskInput, GridTaskView } from '@shanzhi/shared';
import { Alert, AutoComplete, Form, Input, InputNumber } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError, useApi } from '../../../platform/api/index.js';
import { assignTask, fetchAdmissionExtras, fetchAdmissionList } from '../api/grid-work.api.js';
import { GridPicker } from './GridPicker.js';

interface Values {
  gridId: number;
  admissionItemCode: string;
  title: string;
  detail?: string;
  limitDays?: number | null;
}

const KNOWN = ['gridId', 'admissionItemCode', 'title', 'detail', 'limitDays'] as const;

/** The admission list's items (and the temporary ones in force) as choices: 「GA01.001 实有人口信息采集」. */
function useItemOptions() {
  const { t } = useI18n();
  const list = useApi((signal) => fetchAdmissionList(signal), []);
  const extras = useApi((signal) => fetchAdmissionExtras(signal), []);
  return useMemo(() => {
    const groups = (list.data?.categories ?? []).map((c) => ({
      label: `${c.code} ${c.name}`,
      options: c.items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })),
    }));
    const temporary = (extras.data ?? []).filter((e) => e.inForce);
    return temporary.length > 0
      ? [
          ...groups,
          {
            label: t('gridWork.task.temporary'),
            options: temporary.map((e) => ({ value: e.code, label: `${e.code} ${e.name}` })),
          },
        ]
      : groups;
  }, [list.data, extras.data, t]);
}

/**
 * 下派任务: a town or centre pushes an item onto a grid. The item is picked from the admission list (or its
 * code typed); an item off the list is refused by the server, and the dialog says so plainly, naming the
 * list — only listed items may be pushed onto grid workers (网格事项准入).
 */
export function AssignTaskDialog({
  open,
  onClose,
  onAssigned,
}: {
  open: boolean;
  onClose: () => void;
  onAssigned: (task: GridTaskView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const options = useItemOptions();
  const [typed, setTyped] = useState('');
  const filtered = useMemo(
    () =>
      options
        .map((g) => ({ ...g, options: g.options.filter((o) => o.label.includes(typed.trim())) }))
        .filter((g) => g.options.length > 0),
    [options, typed],
  );

  async function save(values: Values) {
    setRefusal(null);
    const input: AssignTaskInput = {
      gridId: values.gridId,
      admissionItemCode: values.admissionItemCode.trim().split(/\s+/)[0]!,
      title: values.title,
      ...(values.detail ? { detail: values.detail } : {}),
      ...(values.limitDays ? { limitDays: values.limitDays } : {}),
    };
    try {
      const task = await assignTask(input);
      form.resetFields();
      onAssigned(task);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NOT_ON_ADMISSION_LIST') setRefusal(error.message);
      throw error;
    }
  }

  return (
    <FormModal<Values>
      open={open}
      title={t('gridWork.task.assign')}
      form={form}
      name="assign-task"
      known={KNOWN}
      onClose={() => {
        setRefusal(null);
        onClose();
      }}
      save={save}
      savedMessage={t('gridWork.task.assigned')}
      okText={t('gridWork.task.assignOk')}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          data-testid="not-on-admission-list"
          style={{ marginBottom: 16 }}
          message={t('gridWork.task.offList')}
          description={
            <>
              {refusal} <Link to="/grid/admission">{t('gridWork.task.seeList')}</Link>
            </>
          }
        />
      )}
      <Form.Item
        name="gridId"
        label={t('gridWork.grid')}
        rules={[{ required: true, message: t('gridWork.task.gridRequired') }]}
      >
        <GridPicker />
      </Form.Item>
      <Form.Item
        name="admissionItemCode"
        label={t('gridWork.task.item')}
        extra={t('gridWork.task.itemHint')}
        rules={[{ required: true, message: t('gridWork.task.itemRequired') }]}
      >
        <AutoComplete
          options={filtered}
          onSearch={setTyped}
          placeholder={t('gridWork.task.itemPlaceholder')}
          onSelect={() => setTyped('')}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('gridWork.task.titleLabel')}
        rules={[{ required: true, message: t('gridWork.task.titleRequired') }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="detail" label={t('gridWork.task.detail')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="limitDays" label={t('gridWork.task.limitDays')} extra={t('gridWork.task.limitHint')}>
        <InputNumber min={1} max={30} precision={0} style={{ width: 120 }} />
      </Form.Item>
    </FormModal>
  );
}
