import { SendOutlined } from '@ant-design/icons';
import { PostRoomMessageInput, type RoomMessageView } from '@shanzhi/shared';
import { Alert, Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { postRoomMessage, type RoomPass } from '../api/portal-mediation.api.js';
import { mediationFailureText } from '../mediation-failure.js';

/** Where the party writes in the room; Ctrl/⌘+Enter sends. A refused message stays in the box with why. */
export function RoomComposer({
  pass,
  onSent,
  onFailed,
}: {
  pass: RoomPass;
  onSent: (message: RoomMessageView) => void;
  /** hears of every failure (the session may be gone) */
  onFailed: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function send() {
    const checked = PostRoomMessageInput.safeParse({ body: body.trim() });
    if (!checked.success) {
      setFailure(checked.error.issues[0]?.message ?? null);
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      onSent(await postRoomMessage(pass, checked.data));
      setBody('');
    } catch (error) {
      setFailure(mediationFailureText(error, t));
      onFailed(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <Flex gap={8} align="flex-end">
        <Input.TextArea
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send();
          }}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t('mediationPortal.room.placeholder')}
          aria-label={t('mediationPortal.room.placeholder')}
        />
        <Button type="primary" icon={<SendOutlined />} loading={sending} onClick={() => void send()}>
          {t('mediationPortal.room.send')}
        </Button>
      </Flex>
      {failure && (
        <Alert
          type="error"
          showIcon
          message={failure}
          style={{ marginTop: 8 }}
          data-testid="room-send-failure"
        />
      )}
    </>
  );
}
