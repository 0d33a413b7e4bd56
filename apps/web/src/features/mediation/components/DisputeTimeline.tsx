import { PaperClipOutlined } from '@ant-design/icons';
import { type DisputeEventView, type DisputeEvidenceView, DISPUTE_FIELD_NAMES as F } from '@shanzhi/shared';
import { Card, Flex, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { disputeActionLabel, disputeStateLabel } from '../dispute-view-logic.js';

/** What an event is called: its action's label, the room's messages and the clock's warnings as such. */
function eventLabel(e: DisputeEventView): string {
  if (e.action === 'room_message') return '调解室消息';
  if (e.action === 'sla') return '调解期限预警';
  return disputeActionLabel(e.action);
}

/** The evidence files an event brought, as download links. */
function EventFiles({ ids, evidence }: { ids: number[]; evidence: DisputeEvidenceView[] }) {
  const files = evidence.filter((e) => ids.includes(e.id));
  if (files.length === 0) return null;
  return (
    <Flex gap={8} wrap style={{ marginTop: 4 }} data-testid="event-files">
      <Typography.Text type="secondary">{F.evidence}：</Typography.Text>
      {files.map((file) => (
        <Typography.Link key={file.id} href={file.url} download={file.name}>
          <PaperClipOutlined /> {file.name}
        </Typography.Link>
      ))}
    </Flex>
  );
}

/** 办理过程: the dispute's timeline, oldest first, room messages included, with the files each event brought. */
export function DisputeTimeline({
  events,
  evidence,
}: {
  events: DisputeEventView[];
  evidence: DisputeEvidenceView[];
}) {
  return (
    <Card size="small" title={`${F.timeline}（${events.length}）`}>
      <Timeline
        style={{ marginTop: 12 }}
        items={events.map((e) => ({
          key: e.seq,
          color: e.toState === 'failed' || e.toState === 'escalated' ? 'red' : 'blue',
          children: (
            <div data-testid="dispute-event" data-action={e.action}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{eventLabel(e)}</Typography.Text>
                {e.fromState !== e.toState && (
                  <Typography.Text type="secondary">→ {disputeStateLabel(e.toState)}</Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')} · {e.actorName}
                </Typography.Text>
              </Flex>
              {e.note && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.note}</Typography.Paragraph>}
              <EventFiles ids={e.attachments} evidence={evidence} />
            </div>
          ),
        }))}
      />
    </Card>
  );
}
