import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Flex, Result, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { CaseDetail } from '../../cases/api/cases.api.js';
import { CaseActionBar } from '../../cases/components/CaseActionBar.js';
import { CaseStateTag } from '../../cases/components/CaseStateTag.js';

/**
 * The answer to a registration: the case number, big and copyable (一档一号), a link to the case, what the
 * agent may still do now (the server's actions) and a button for the next call.
 */
export function RegisteredResult({
  registered,
  onChanged,
  onStale,
  onNext,
}: {
  registered: CaseDetail;
  onChanged: (detail: CaseDetail) => void;
  onStale: () => void;
  onNext: () => void;
}) {
  const { t } = useI18n();
  return (
    <Card>
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title={t('intake.registered')}
        subTitle={
          <Flex vertical align="center" gap={8}>
            <Typography.Text type="secondary">{t('intake.caseNumber')}</Typography.Text>
            <Typography.Title
              level={1}
              copyable={{ text: registered.number, tooltips: [t('intake.copy'), t('intake.copied')] }}
              style={{
                margin: 0,
                letterSpacing: 2,
                fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
              }}
              data-testid="case-number"
            >
              {registered.number}
            </Typography.Title>
            <span>
              <CaseStateTag state={registered.state} /> {registered.title}
            </span>
          </Flex>
        }
        extra={
          <Flex vertical align="center" gap={12}>
            <CaseActionBar caseData={registered} onDone={onChanged} onStale={onStale} />
            <Flex gap={8}>
              <Link to={`/cases/${registered.id}`}>
                <Button>{t('intake.openCase')}</Button>
              </Link>
              <Button type="primary" onClick={onNext}>
                {t('intake.next')}
              </Button>
            </Flex>
          </Flex>
        }
      />
    </Card>
  );
}
