import { DownloadOutlined, FileDoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { type PetitionDetail, petitionNumber } from '@shanzhi/shared';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useRouteRecord } from '../../../components/use-route-record.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import { LightTag } from '../../cases/components/LightTag.js';
import { fetchPetition } from '../api/petitions.api.js';
import { PetitionActionBar } from '../components/PetitionActionBar.js';
import { PetitionStateTag } from '../components/PetitionStateTag.js';
import { PetitionTimeline } from '../components/PetitionTimeline.js';
import { petitionModeLabel, satisfactionLabel } from '../petition-labels.js';

const at = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');

/** 信访事项: mode, agency point and agent, the matter, the responsible body, the outcome. */
function PetitionFacts({ p }: { p: PetitionDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('petition.detail.facts')}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="petition-facts">
        <Descriptions.Item label={t('petition.field.mode')}>{petitionModeLabel(p.mode, t)}</Descriptions.Item>
        <Descriptions.Item label={t('petition.field.org')}>{p.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('petition.field.agent')}>
          {p.agentName ?? <Tag color="orange">{t('petition.detail.unclaimed')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('petition.field.createdAt')}>{at(p.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('petition.field.responsibleBody')}>
          {p.responsibleBody ?? '—'}
        </Descriptions.Item>
        {p.caseId && (
          <Descriptions.Item label={t('petition.detail.case')}>
            <Link to={`/cases/${p.caseId}`} data-testid="petition-case-link">
              12345 #{p.caseId}
            </Link>
          </Descriptions.Item>
        )}
        {p.resolved !== null && (
          <Descriptions.Item label={t('petition.field.resolved')}>
            {p.resolved ? t('petition.yes') : t('petition.no')}
          </Descriptions.Item>
        )}
        {p.satisfaction && (
          <Descriptions.Item label={t('petition.field.satisfaction')}>
            {satisfactionLabel(p.satisfaction, t)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('petition.field.matter')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {p.matter}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 法定期限: each legal deadline once its period opened, the running one with its light. */
function PetitionDeadlines({ p }: { p: PetitionDetail }) {
  const { t } = useI18n();
  const light = (limit: PetitionDetail['runningLimit']) =>
    p.runningLimit === limit && p.light ? <LightTag light={p.light} /> : null;
  return (
    <Card size="small" title={t('petition.detail.deadlines')}>
      <Descriptions size="small" column={1} data-testid="petition-deadlines">
        <Descriptions.Item label={t('petition.field.acceptDeadline')}>
          <Space>
            {at(p.acceptDeadline)}
            {light('accept')}
          </Space>
        </Descriptions.Item>
        {p.answerDeadline && (
          <Descriptions.Item label={t('petition.field.answerDeadline')}>
            <Space data-testid="answer-deadline">
              {at(p.answerDeadline)}
              {light('answer')}
              {p.extensionDays > 0 && (
                <Typography.Text type="secondary">
                  {t('petition.detail.extended', { days: p.extensionDays })}
                </Typography.Text>
              )}
            </Space>
          </Descriptions.Item>
        )}
        {p.reviewRequestDeadline && (
          <Descriptions.Item label={t('petition.field.reviewRequestDeadline')}>
            {at(p.reviewRequestDeadline)}
          </Descriptions.Item>
        )}
        {p.reviewDeadline && (
          <Descriptions.Item label={t('petition.field.reviewDeadline')}>
            <Space>
              {at(p.reviewDeadline)}
              {light('review')}
            </Space>
          </Descriptions.Item>
        )}
        {p.reReviewRequestDeadline && (
          <Descriptions.Item label={t('petition.field.reReviewRequestDeadline')}>
            {at(p.reReviewRequestDeadline)}
          </Descriptions.Item>
        )}
        {p.reReviewDeadline && (
          <Descriptions.Item label={t('petition.field.reReviewDeadline')}>
            <Space>
              {at(p.reReviewDeadline)}
              {light('re_review')}
            </Space>
          </Descriptions.Item>
        )}
        {p.hearingDays > 0 && (
          <Descriptions.Item label={t('petition.field.hearingDays')}>
            {t('petition.hearingDays', { days: p.hearingDays })}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** 信访人: masked as the server gives them. */
function PetitionPetitioners({ p }: { p: PetitionDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('petition.detail.petitioners')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={p.petitioners}
        scroll={{ x: 520 }}
        columns={[
          { title: t('petition.field.name'), dataIndex: 'name', width: 100 },
          { title: t('petition.field.idNumber'), dataIndex: 'idNumber', width: 190 },
          { title: t('petition.field.phone'), dataIndex: 'phone', width: 130 },
          { title: t('petition.field.address'), dataIndex: 'address', ellipsis: true },
        ]}
      />
    </Card>
  );
}

/**
 * 委托代办书: its scope, the .docx to print, and whether its signed scan was uploaded (已签署/未签署) with the scan
 * to view; the upload itself is the action `attach_signed_entrustment` among the action buttons.
 */
function PetitionEntrustment({ entrustment }: { entrustment: NonNullable<PetitionDetail['entrustment']> }) {
  const { t } = useI18n();
  const signed = entrustment.signedScanUrl !== null;
  return (
    <Card
      size="small"
      title={t('petition.detail.entrustment')}
      extra={
        <Tag color={signed ? 'green' : 'default'} data-testid="petition-entrustment-signed">
          {t(signed ? 'petition.detail.signed' : 'petition.detail.unsigned')}
        </Tag>
      }
    >
      <Flex vertical gap={8} align="start">
        <Typography.Text>
          {t('petition.field.entrustedScope')}：{entrustment.scope}
        </Typography.Text>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} href={entrustment.documentUrl} download>
            {t('petition.detail.download')}
          </Button>
          {entrustment.signedScanUrl && (
            <Button icon={<FileDoneOutlined />} href={entrustment.signedScanUrl} target="_blank">
              {t('petition.detail.downloadSigned')}
            </Button>
          )}
        </Flex>
        {entrustment.signedAt && (
          <Typography.Text type="secondary">
            {t('petition.detail.signedAt', { at: at(entrustment.signedAt) })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/**
 * 信访档案 `/petitions/:id`: the matter, the petitioners (masked as the server gives them), the legal deadlines
 * with the running one's light, the 委托代办书 to download, the timeline naming who did each step, and exactly
 * the action buttons the server lists for this user now.
 */
export function PetitionDetailPage() {
  const { t } = useI18n();
  const { detail, view } = useRouteRecord(fetchPetition, t('petition.detail.notFound'));

  if (!view.ready) return view.fallback;
  const p = view.record;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
              {petitionNumber(p.id)}
            </Typography.Title>
            <PetitionStateTag state={p.state} />
            {p.light && <LightTag light={p.light} />}
          </Flex>
          <Space wrap>
            <PetitionActionBar petition={p} onDone={detail.setData} onStale={detail.reload} />
            <Button icon={<ReloadOutlined />} onClick={detail.reload} aria-label={t('common.refresh')} />
          </Space>
        </Flex>
      </Card>
      {p.riskFlaggedAt && p.riskKind && (
        <Alert
          type="error"
          showIcon
          data-testid="petition-risk"
          message={t('petition.detail.risk', {
            kind: t(`petition.risk.${p.riskKind}` as MessageKey),
            at: at(p.riskFlaggedAt),
          })}
          description={p.riskReason}
        />
      )}
      {p.repeatOfId !== null && (
        <Alert
          type="warning"
          showIcon
          message={t('petition.detail.repeat', { count: p.repeatCount, first: p.repeatOfId })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <PetitionFacts p={p} />
            <PetitionPetitioners p={p} />
            {p.entrustment && <PetitionEntrustment entrustment={p.entrustment} />}
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <PetitionDeadlines p={p} />
            <PetitionTimeline events={p.timeline} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
