import { EnvironmentOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import type { CaseSummary } from '../../cases/api/cases.api.js';
import { caseTypeLabel } from '../../cases/case-labels.js';
import { CaseActionBar } from '../../cases/components/CaseActionBar.js';
import { CaseStateTag } from '../../cases/components/CaseStateTag.js';
import { DeadlineCountdown } from '../../cases/components/DeadlineCountdown.js';
import { LIGHT_DOTS, LightTag } from '../../cases/components/LightTag.js';

/**
 * One case on the handler's workbench: what it is, where, for whom, the deadline that runs now (acceptance
 * while it waits for signature, resolution after) counting down, and the server's actions.
 */
export function WorkCaseCard({ item, onChanged }: { item: CaseSummary; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const waitingToAccept = item.state === 'dispatched';
  const deadline = waitingToAccept ? item.acceptDeadline : item.resolveDeadline;
  return (
    <Card
      size="small"
      style={{ borderInlineStart: `4px solid ${LIGHT_DOTS[item.light] ?? '#d9d9d9'}` }}
      title={
        <Flex gap={8} align="center" wrap>
          <Link to={`/cases/${item.id}`}>{item.number}</Link>
          <CaseStateTag state={item.state} />
          <LightTag light={item.light} />
          {item.supervisionLevel && <Typography.Text type="danger">{t('cases.supervised')}</Typography.Text>}
        </Flex>
      }
      extra={
        <span>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 6 }}>
            {waitingToAccept ? t('cases.acceptDeadline') : t('cases.resolveDeadline')}
          </Typography.Text>
          <DeadlineCountdown deadline={deadline} />
        </span>
      }
    >
      <Typography.Paragraph strong style={{ marginBottom: 4 }} ellipsis={{ rows: 2 }}>
        {item.title}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {[caseTypeLabel(item.type, locale), priorityLabel(item.priority, locale), item.category?.name]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
      <Flex gap={16} wrap style={{ margin: '6px 0 10px', fontSize: 13 }}>
        {(item.address || item.district) && (
          <span>
            <EnvironmentOutlined />{' '}
            {item.address ?? [item.district?.name, item.town?.name].filter(Boolean).join(' ')}
          </span>
        )}
        {(item.citizenName || item.citizenPhone) && (
          <span>
            <UserOutlined /> {[item.citizenName, item.citizenPhone].filter(Boolean).join(' ')}
          </span>
        )}
      </Flex>
      <CaseActionBar caseData={item} size="small" onDone={onChanged} onStale={onChanged} />
    </Card>
  );
}
