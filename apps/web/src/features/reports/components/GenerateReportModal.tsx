import { DownloadOutlined } from '@ant-design/icons';
import { REPORT_KINDS, type ReportKind } from '@shanzhi/shared';
import { Alert, Button, DatePicker, Flex, Form, Modal, Progress, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchReport, type ReportItem, reportFileUrl, requestReport } from '../api/reports.api.js';
import { isUnfinishedPick, PICKER_OF, periodOfPick } from '../report-period-input.js';

interface Values {
  kind: ReportKind;
  org: number;
  picked: Dayjs;
}

/** How often the dialog asks how far the report has come. */
const POLL_MS = 1_000;

/** The two downloads of a ready report. */
export function ReportDownloads({ report, size }: { report: ReportItem; size?: 'small' }) {
  const { t } = useI18n();
  return (
    <Flex gap={8}>
      <Button size={size} icon={<DownloadOutlined />} href={reportFileUrl(report.id, 'document')} download>
        {t('reports.word')}
      </Button>
      <Button size={size} icon={<DownloadOutlined />} href={reportFileUrl(report.id, 'tables')} download>
        {t('reports.excel')}
      </Button>
    </Flex>
  );
}

/**
 * 生成报告: kind, org and period; once asked for, the report's progress until it is ready (or failed), then
 * its downloads. Asking for a report that exists opens that one.
 */
export function GenerateReportModal({
  open,
  onClose,
  onChanged,
}: {
  open: boolean;
  onClose: () => void;
  /** a report was asked for or has moved on: the list reloads */
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'monthly';
  const [report, setReport] = useState<ReportItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (open) {
      setReport(null);
      setNotice(null);
      setError(null);
    }
  }, [open]);

  const running = report !== null && (report.status === 'queued' || report.status === 'generating');
  // Polls while the report is being produced: every answer is a new object, so a poll that finds the report
  // where it was (still queued on a busy server) schedules the next one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: onChanged and t are the parent's, not a reason to poll
  useEffect(() => {
    if (!running || report === null) return;
    const timer = setTimeout(() => {
      fetchReport(report.id)
        .then((next) => {
          setReport(next);
          if (next.status !== 'queued' && next.status !== 'generating') onChanged();
        })
        .catch((cause: unknown) => setError(errorText(cause, t)));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [report, running]);

  const submit = async (values: Values) => {
    setSending(true);
    setError(null);
    try {
      const answer = await requestReport({
        kind: values.kind,
        org: values.org,
        period: periodOfPick(values.kind, values.picked),
      });
      setReport(answer.report);
      setNotice(answer.created ? null : t('reports.existing'));
      onChanged();
    } catch (cause) {
      setError(errorText(cause, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('reports.generateTitle')}
      onCancel={onClose}
      forceRender
      footer={
        report === null ? (
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('reports.close')}</Button>
            <Button type="primary" loading={sending} onClick={() => form.submit()}>
              {t('reports.generateOk')}
            </Button>
          </Flex>
        ) : (
          <Button onClick={onClose}>{t('reports.close')}</Button>
        )
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {report === null ? (
        <Form<Values>
          form={form}
          layout="vertical"
          name="generate-report"
          initialValues={{ kind: 'monthly' }}
          onFinish={submit}
          onValuesChange={(changed: Partial<Values>) => {
            if (changed.kind) form.setFieldValue('picked', undefined);
          }}
        >
          <Form.Item name="kind" label={t('reports.kind')} rules={[{ required: true }]}>
            <Select options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="org"
            label={t('reports.org')}
            rules={[{ required: true, message: t('reports.required.org') }]}
          >
            <OrgTreeSelect placeholder={t('reports.org')} />
          </Form.Item>
          <Form.Item
            name="picked"
            label={t('reports.period')}
            rules={[{ required: true, message: t('reports.required.period') }]}
          >
            <DatePicker
              picker={PICKER_OF[kind]}
              style={{ width: '100%' }}
              disabledDate={(d) => isUnfinishedPick(kind, d)}
            />
          </Form.Item>
        </Form>
      ) : (
        <Flex vertical gap={12} data-testid="report-progress">
          {notice && <Alert type="info" showIcon message={notice} />}
          <Typography.Text strong>
            {report.status === 'ready'
              ? t('reports.ready', { title: report.title })
              : report.status === 'failed'
                ? t('reports.failed', { error: report.error ?? '' })
                : t('reports.progress', { title: report.title })}
          </Typography.Text>
          <Progress
            percent={report.progress}
            status={
              report.status === 'failed' ? 'exception' : report.status === 'ready' ? 'success' : 'active'
            }
          />
          {report.status === 'ready' && <ReportDownloads report={report} />}
        </Flex>
      )}
    </Modal>
  );
}
