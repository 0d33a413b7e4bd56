import type { PetitionEventView, PetitionState } from '@shanzhi/shared';
import { Card, Flex, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { petitionActionLabel, petitionStateLabel } from '../petition-labels.js';

/** 办理过程: the petition's timeline, oldest first — each step names the person who took it (谁帮办、谁代办 …). */
export function PetitionTimeline({ events }: { events: PetitionEventView[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={`${t('petition.detail.timeline')}（${events.length}）`}>
      <Timeline
        style={{ marginTop: 12 }}
        items={events.map((e) => ({
          key: e.seq,
          color: e.toState === 'not_accepted' ? 'red' : 'blue',
          children: (
            <div data-testid="petition-event" data-action={e.action}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{petitionActionLabel(e.action, t)}</Typography.Text>
                {e.fromState !== e.toState && (
                  <Typography.Text type="secondary">
                    → {petitionStateLabel(e.toState as PetitionState, t)}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.actorName}
                </Typography.Text>
              </Flex>
              {e.note && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.note}</Typography.Paragraph>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
