import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import { AGREEMENT_FORM_LABELS, type DisputeDetail, PARTY_ROLE_LABELS } from '@shanzhi/shared';
import { Alert, Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { saveBlob } from '../../case-search/api/case-search.api.js';
import {
  type AgreementFormat,
  confirmAgreementOnline,
  downloadAgreement,
  fetchRoomDispute,
  type RoomPass,
} from '../api/portal-mediation.api.js';
import { mediationFailureText } from '../mediation-failure.js';
import { atMinute, onDay } from '../mediation-format.js';

/**
 * 调解协议 for a party: the terms with how and by when each is performed, who has confirmed, 在线确认 (by the
 * session his code opened, for himself), 下载协议书 (a written agreement's .docx or .pdf, by the same session), and
 * the 30-day window for judicial confirmation.
 */
export function AgreementPanel({
  dispute,
  session,
  onChanged,
}: {
  dispute: DisputeDetail;
  session: RoomPass;
  onChanged: (dispute: DisputeDetail) => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [downloading, setDownloading] = useState<AgreementFormat | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const agreement = dispute.agreement;
  if (!agreement) return null;
  const me = dispute.parties.find((party) => party.id === session.partyId);
  const confirmation = dispute.confirmation;

  async function confirm() {
    setConfirming(true);
    setFailure(null);
    try {
      onChanged(await confirmAgreementOnline(session, dispute));
    } catch (error) {
      setFailure(mediationFailureText(error, t));
      // the dispute moved on since he read it (another party confirmed …): show it as it is now, to confirm again
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        onChanged(await fetchRoomDispute(session).catch(() => dispute));
        setFailure(t('mediationPortal.agreement.changed'));
      }
    } finally {
      setConfirming(false);
    }
  }

  async function download(format: AgreementFormat) {
    setDownloading(format);
    setFailure(null);
    try {
      const { blob, fileName } = await downloadAgreement(session, format);
      saveBlob(blob, fileName ?? `人民调解协议书-${dispute.number}.${format}`);
    } catch (error) {
      setFailure(mediationFailureText(error, t));
    } finally {
      setDownloading(null);
    }
  }

  return (
    <Card
      size="small"
      title={`${t('mediationPortal.agreement.title')}（${AGREEMENT_FORM_LABELS[agreement.form]}）`}
      data-testid="agreement-panel"
      style={{ marginTop: 16 }}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('mediationPortal.agreement.facts')}>{agreement.facts}</Descriptions.Item>
        {agreement.issues && (
          <Descriptions.Item label={t('mediationPortal.agreement.issues')}>
            {agreement.issues}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('mediationPortal.agreement.effective')}>
          {atMinute(agreement.effectiveAt)}
        </Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        dataSource={agreement.terms}
        renderItem={(term) => (
          <List.Item data-testid="agreement-term">
            <Space direction="vertical" size={2}>
              <Typography.Text strong>
                {t('mediationPortal.agreement.term', { seq: term.seq })}：{term.content}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('mediationPortal.agreement.how')}：{term.how}；{t('mediationPortal.agreement.due')}：
                {term.dueDate}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Space wrap style={{ margin: '8px 0' }} data-testid="agreement-confirmations">
        {dispute.parties.map((party) => (
          <Tag key={party.id} color={party.confirmedAt ? 'success' : 'default'}>
            {PARTY_ROLE_LABELS[party.role]}
            {t(
              party.confirmedAt
                ? 'mediationPortal.agreement.confirmedBy'
                : 'mediationPortal.agreement.pending',
              {
                name: party.name,
              },
            )}
          </Tag>
        ))}
      </Space>
      {me?.confirmedAt ? (
        <Alert
          type="success"
          showIcon
          data-testid="agreement-confirmed"
          message={t('mediationPortal.agreement.confirmed', { at: atMinute(me.confirmedAt) })}
        />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('mediationPortal.agreement.confirmHint')}</Typography.Text>
          <Button type="primary" icon={<CheckOutlined />} loading={confirming} onClick={() => void confirm()}>
            {t('mediationPortal.agreement.confirm')}
          </Button>
        </Space>
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 8 }} />}
      {agreement.docxUrl && (
        <Space wrap style={{ marginTop: 12 }}>
          <Button
            icon={<DownloadOutlined />}
            loading={downloading === 'docx'}
            onClick={() => void download('docx')}
          >
            {t('mediationPortal.agreement.download')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={downloading === 'pdf'}
            onClick={() => void download('pdf')}
          >
            {t('mediationPortal.agreement.downloadPdf')}
          </Button>
        </Space>
      )}
      {confirmation?.available && confirmation.open && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          message={t('mediationPortal.agreement.window', {
            closes: onDay(confirmation.closesAt),
            days: confirmation.daysLeft,
          })}
        />
      )}
    </Card>
  );
}
