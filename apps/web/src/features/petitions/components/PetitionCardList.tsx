import { type PetitionView, petitionNumber } from '@shanzhi/shared';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { LightTag } from '../../cases/components/LightTag.js';
import { runningDeadlineOf } from '../petition-deadline.js';
import { PetitionStateTag } from './PetitionStateTag.js';

/**
 * The petition list at phone width (an agent on the street, 主动帮办): one card per petition with what he acts
 * on — its number and state, the matter, who petitions, and the running limit with its light.
 */
export function PetitionCardList({ items, loading }: { items: readonly PetitionView[]; loading: boolean }) {
  const { t } = useI18n();
  if (items.length === 0) return loading ? <Spin /> : <Empty description={t('petition.list.empty')} />;
  return (
    <Flex vertical gap={8} data-testid="petition-cards">
      {items.map((p) => {
        const deadline = runningDeadlineOf(p);
        return (
          <Link key={p.id} to={`/petitions/${p.id}`}>
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>{petitionNumber(p.id)}</Typography.Text>
                <Flex gap={4}>
                  {p.riskKind && <Tag color="red">{t('petition.field.risk')}</Tag>}
                  <PetitionStateTag state={p.state} />
                </Flex>
              </Flex>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>
                {p.matter}
              </Typography.Paragraph>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text type="secondary">
                  {p.petitioners.map((x) => x.name).join('、')} ·{' '}
                  {p.agentName ?? t('petition.detail.unclaimed')}
                </Typography.Text>
                {deadline && (
                  <Flex gap={4} align="center">
                    <Typography.Text type="secondary">{dayjs(deadline).format('MM-DD')}</Typography.Text>
                    {p.light && <LightTag light={p.light} />}
                  </Flex>
                )}
              </Flex>
            </Card>
          </Link>
        );
      })}
    </Flex>
  );
}
