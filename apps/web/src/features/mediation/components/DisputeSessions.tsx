import { DISPUTE_FIELD_NAMES as F, SESSION_MODE_LABELS, type SessionView } from '@shanzhi/shared';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** 调解记录: each session, how and when it was held, with its minutes (调解笔录). */
export function DisputeSessions({ sessions }: { sessions: SessionView[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={F.sessions}>
      {sessions.length === 0 ? (
        <Empty description={t('mediation.detail.noSessions')} />
      ) : (
        <Flex vertical gap={12}>
          {sessions.map((s) => (
            <div key={s.id} data-testid="dispute-session">
              <Flex gap={8} wrap align="center">
                <Tag color="blue">{SESSION_MODE_LABELS[s.mode]}</Tag>
                <Typography.Text>{dayjs(s.heldAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                <Typography.Text type="secondary">
                  {s.mediatorName}
                  {s.place ? ` · ${s.place}` : ''}
                </Typography.Text>
                {s.videoLink && (
                  <Typography.Link href={s.videoLink} target="_blank" rel="noreferrer">
                    视频会议
                  </Typography.Link>
                )}
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                {s.minutes}
              </Typography.Paragraph>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
