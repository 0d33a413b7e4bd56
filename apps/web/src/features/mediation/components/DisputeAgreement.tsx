import { DownloadOutlined } from '@ant-design/icons';
import {
  AGREEMENT_FORM_LABELS,
  type AgreementView,
  type ConfirmationWindowView,
  DISPUTE_FIELD_NAMES as F,
} from '@shanzhi/shared';
import { Button, Card, Descriptions, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { confirmationWindowSummary } from '../dispute-view-logic.js';

const day = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD') : '—');

/** 司法确认: the 30-day window from the agreement taking effect, and where an application stands. */
export function ConfirmationWindow({ window: w }: { window: ConfirmationWindowView }) {
  const summary = confirmationWindowSummary(w);
  return (
    <Descriptions size="small" column={1} data-testid="confirmation-window">
      <Descriptions.Item label={F.confirmation}>
        <Tag color={summary.color}>{summary.text}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="申请期间">
        {day(w.opensAt)} 至 {day(w.closesAt)}（30 日）
      </Descriptions.Item>
      {w.court && <Descriptions.Item label={F.court}>{w.court}</Descriptions.Item>}
      {w.appliedAt && <Descriptions.Item label="申请日期">{day(w.appliedAt)}</Descriptions.Item>}
      {w.acceptedAt && <Descriptions.Item label="受理日期">{day(w.acceptedAt)}</Descriptions.Item>}
      {w.ruledAt && <Descriptions.Item label="裁定日期">{day(w.ruledAt)}</Descriptions.Item>}
    </Descriptions>
  );
}

/** 调解协议: its form, facts, terms with how and by when, its .docx and .pdf, and the confirmation window. */
export function DisputeAgreement({
  agreement,
  confirmation,
}: {
  agreement: AgreementView | null;
  confirmation: ConfirmationWindowView | null;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={F.agreement}
      data-testid="dispute-agreement"
      extra={
        agreement?.docxUrl && (
          <Space>
            <Button icon={<DownloadOutlined />} href={agreement.docxUrl} download>
              {t('mediation.detail.docx')}
            </Button>
            {agreement.pdfUrl && (
              <Button icon={<DownloadOutlined />} href={agreement.pdfUrl} download>
                {t('mediation.detail.pdf')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {agreement ? (
        <Flex vertical gap={8}>
          <Typography.Text>
            <Tag>{AGREEMENT_FORM_LABELS[agreement.form]}</Tag>生效于 {day(agreement.effectiveAt)}
          </Typography.Text>
          <Table
            size="small"
            rowKey="seq"
            pagination={false}
            dataSource={agreement.terms}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 60 },
              { title: F.termContent, dataIndex: 'content' },
              { title: F.termHow, dataIndex: 'how', width: 160 },
              { title: F.termDueDate, dataIndex: 'dueDate', width: 110 },
            ]}
          />
          {confirmation && <ConfirmationWindow window={confirmation} />}
        </Flex>
      ) : (
        <Empty description={t('mediation.detail.noAgreement')} />
      )}
    </Card>
  );
}
