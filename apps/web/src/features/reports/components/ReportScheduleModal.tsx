import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CITY_REPORT_SCHEDULE, REPORT_KINDS, type ReportKind, ReportScheduleEntry } from '@shanzhi/shared';
import { Button, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchReportSchedule, saveReportSchedule } from '../api/reports.api.js';

interface ScheduleForm {
  entries: { kind?: ReportKind; org?: number | null; at?: string }[];
}

const FIELDS = ['entries'];
const { shape } = ReportScheduleEntry;

/**
 * 定时生成: the reports the platform produces by itself — each a kind, an org (the whole city when left
 * empty) and the Beijing time of the period's first day from which the period just ended is produced.
 */
export function ReportScheduleModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ScheduleForm>();

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    form.resetFields();
    fetchReportSchedule(controller.signal).then(
      (schedule) => form.setFieldsValue({ entries: schedule.entries }),
      () => undefined,
    );
    return () => controller.abort();
  }, [open, form]);

  async function save(values: ScheduleForm) {
    await saveReportSchedule({
      entries: values.entries.map((entry) => ({
        kind: entry.kind!,
        at: entry.at!,
        ...(entry.org ? { org: entry.org } : {}),
      })),
    });
    onClose();
  }

  return (
    <FormModal<ScheduleForm>
      open={open}
      title={t('reports.schedule.title')}
      form={form}
      name="report-schedule"
      known={FIELDS}
      width={760}
      onClose={onClose}
      save={save}
    >
      <Typography.Paragraph type="secondary">{t('reports.schedule.hint')}</Typography.Paragraph>
      <Form.List name="entries" initialValue={[]}>
        {(entries, { add, remove }) => (
          <Flex vertical gap={8}>
            {entries.length === 0 && (
              <Typography.Text type="secondary">{t('reports.schedule.none')}</Typography.Text>
            )}
            {entries.map((entry) => (
              <Space key={entry.key} align="start" wrap>
                <Form.Item
                  name={[entry.name, 'kind']}
                  rules={[zodRule(shape.kind)]}
                  style={{ marginBottom: 0 }}
                >
                  <Select<ReportKind>
                    aria-label={t('reports.kind')}
                    style={{ width: 140 }}
                    options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[entry.name, 'org']} style={{ marginBottom: 0 }}>
                  <OrgTreeSelect
                    allowClear
                    placeholder={t('reports.schedule.wholeCity')}
                    aria-label={t('reports.org')}
                    style={{ width: 260 }}
                  />
                </Form.Item>
                <Form.Item name={[entry.name, 'at']} rules={[zodRule(shape.at)]} style={{ marginBottom: 0 }}>
                  <Input aria-label={t('reports.schedule.at')} placeholder="08:00" style={{ width: 100 }} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('reports.schedule.remove')}
                  onClick={() => remove(entry.name)}
                />
              </Space>
            ))}
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'daily', at: '08:00' })}>
                {t('reports.schedule.add')}
              </Button>
              {entries.length === 0 && (
                <Button
                  onClick={() => {
                    for (const entry of CITY_REPORT_SCHEDULE.entries) add(entry);
                  }}
                >
                  {t('reports.schedule.suggested')}
                </Button>
              )}
            </Space>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
