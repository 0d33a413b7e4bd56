import { MessageOutlined, SendOutlined } from '@ant-design/icons';
import {
  PARTY_ROLE_LABELS,
  ROOM_AUTHOR_KIND_LABELS,
  type RoomCodesIssued,
  type RoomMessageView,
} from '@shanzhi/shared';
import { Alert, App, Badge, Button, Card, Empty, Flex, Input, List, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { postRoomMessage, sendRoomCodes } from '../api/mediation.api.js';
import { useRoomMessages } from '../hooks/use-room-messages.js';

/** Who wrote a message: 调解员 张三, 申请人 李四 … */
function authorOf(m: RoomMessageView): string {
  const role = m.partyRole ? PARTY_ROLE_LABELS[m.partyRole] : ROOM_AUTHOR_KIND_LABELS[m.authorKind];
  return `${role} ${m.authorName}`;
}

/**
 * 在线调解室: the room's messages, live from the room's server-sent stream (polled while it is down), and the mediator's box to write in.
 * Every message is also kept on the dispute's timeline by the server.
 */
export function RoomPanel({ disputeId, canWrite }: { disputeId: number; canWrite: boolean }) {
  const { t } = useI18n();
  const room = useRoomMessages(disputeId);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // codes answered because no SMS gateway sent them: shown once, gone for good when the dialog closes
  const [toTell, setToTell] = useState<RoomCodesIssued['items']>([]);
  const { message } = App.useApp();

  // the parties join through the portal with the code sent to their phones (or told by the mediator)
  async function sendCodes() {
    setFailure(null);
    try {
      const sent = await sendRoomCodes(disputeId);
      const told = sent.items.filter((p) => p.code);
      if (told.length > 0) setToTell(told);
      else {
        message.success(
          `访问码已短信发送：${sent.items.map((p) => `${p.name}（${p.sentTo}）`).join('、') || '无可发送的手机号'}`,
        );
      }
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  async function send() {
    if (!text.trim()) return;
    setSending(true);
    setFailure(null);
    try {
      room.add(await postRoomMessage(disputeId, text.trim()));
      setText('');
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setSending(false);
    }
  }

  return (
    <Card
      size="small"
      title={t('mediation.room.title')}
      data-testid="room"
      extra={
        <Flex gap={8} align="center">
          {canWrite && (
            <Button size="small" icon={<MessageOutlined />} onClick={() => void sendCodes()}>
              发送访问码
            </Button>
          )}
          <Badge
            status={room.live ? 'success' : 'default'}
            text={t(room.live ? 'mediation.room.live' : 'mediation.room.polling')}
          />
        </Flex>
      }
    >
      <Flex vertical gap={8} style={{ maxHeight: 360, overflowY: 'auto' }} data-testid="room-messages">
        {room.messages.length === 0 && <Empty description={t('mediation.room.empty')} />}
        {room.messages.map((m) => (
          <div key={m.id} data-testid="room-message">
            <Typography.Text strong>{authorOf(m)}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(m.at).format('MM-DD HH:mm:ss')}
            </Typography.Text>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Typography.Paragraph>
          </div>
        ))}
      </Flex>
      {canWrite && (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            placeholder={t('mediation.room.placeholder')}
            aria-label={t('mediation.room.placeholder')}
          />
          <Button type="primary" icon={<SendOutlined />} loading={sending} onClick={() => void send()}>
            {t('mediation.room.send')}
          </Button>
        </Flex>
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 8 }} />}
      <Modal
        open={toTell.length > 0}
        title="调解室访问码"
        onCancel={() => setToTell([])}
        onOk={() => setToTell([])}
        okText="已告知，关闭"
        cancelButtonProps={{ style: { display: 'none' } }}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          message="未配置短信网关：请电话告知当事人"
          description="访问码只显示这一次，关闭后无法再查看；如遗失，请重新发送访问码（旧码随即失效）。"
        />
        <List
          data-testid="room-codes"
          dataSource={toTell}
          renderItem={(p) => (
            <List.Item>
              <Typography.Text>
                {PARTY_ROLE_LABELS[p.role]} {p.name}（{p.sentTo}）
              </Typography.Text>
              <Typography.Text strong copyable style={{ fontSize: 18, letterSpacing: 2 }}>
                {p.code}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Modal>
    </Card>
  );
}
