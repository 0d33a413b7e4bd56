import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Space, Typography } from 'antd';
import { useRouteRecord } from '../../../components/use-route-record.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { fetchCase } from '../../cases/api/cases.api.js';
import { CaseActionBar } from '../../cases/components/CaseActionBar.js';
import { CaseMap } from '../../cases/components/CaseMap.js';
import { CaseStateTag } from '../../cases/components/CaseStateTag.js';
import { CaseMediation } from '../../mediation/components/CaseMediation.js';
import { CasePetition } from '../../petitions/components/CasePetition.js';
import { CaseAttachments } from '../components/CaseAttachments.js';
import { CaseDeadlines } from '../components/CaseDeadlines.js';
import { CaseFields } from '../components/CaseFields.js';
import { CaseTimeline } from '../components/CaseTimeline.js';
import { useOrgNames } from '../hooks/use-org-names.js';

/**
 * 一事一档 `/cases/:id`: everything about one case — its fields, map, deadlines and lights, attachments, the
 * full timeline with its verification — and exactly the action buttons the server lists for this user now.
 */
export function CaseDetailPage() {
  const { t } = useI18n();
  const { detail, view } = useRouteRecord(fetchCase, t('detail.notFound'));
  const orgNames = useOrgNames(detail.data);

  if (!view.ready) return view.fallback;
  const c = view.record;

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title
                level={1}
                copyable={{ text: c.number }}
                style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }}
              >
                {c.number}
              </Typography.Title>
              <CaseStateTag state={c.state} />
              {c.supervisionLevel && <Typography.Text type="danger">{t('cases.supervised')}</Typography.Text>}
            </Flex>
            <Typography.Text type="secondary">{c.title}</Typography.Text>
          </Flex>
          <Space wrap>
            <CaseActionBar caseData={c} onDone={(next) => detail.setData(next)} onStale={detail.reload} />
            <CaseMediation detail={c} />
            <CasePetition detail={c} />
            <Button icon={<ReloadOutlined />} onClick={detail.reload} aria-label={t('common.refresh')} />
          </Space>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <CaseFields detail={c} />
            <CaseTimeline detail={c} orgNames={orgNames} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <CaseDeadlines detail={c} />
            {c.location ? (
              <CaseMap
                focusId={c.community?.id ?? c.town?.id ?? c.district?.id ?? null}
                pins={[c.location]}
                height={300}
              />
            ) : (
              <Card size="small" title={t('caseMap.title')}>
                <Typography.Text type="secondary">{t('detail.noLocation')}</Typography.Text>
              </Card>
            )}
            <CaseAttachments detail={c} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
