import { PARTY_ROLE_LABELS, ROOM_AUTHOR_KIND_LABELS, type RoomMessageView } from '@shanzhi/shared';
import { Empty, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { RoomPass } from '../api/portal-mediation.api.js';
import { atMinute } from '../mediation-format.js';
import styles from './MediationRoom.module.css';

/** Whether a message is the session's party's own (the view names the party by role and name). */
export function isOwnMessage(message: RoomMessageView, session: RoomPass): boolean {
  return (
    message.authorKind === 'party' &&
    message.partyRole === session.partyRole &&
    message.authorName === session.partyName
  );
}

/** Who wrote a message, as the room shows it: 调解员 张三, 申请人 李四 … */
function authorOf(message: RoomMessageView): string {
  const role = message.partyRole
    ? PARTY_ROLE_LABELS[message.partyRole]
    : ROOM_AUTHOR_KIND_LABELS[message.authorKind];
  return `${role} ${message.authorName}`;
}

/** The room's conversation, oldest first, the party's own messages on the right and marked 我; follows the end. */
export function RoomMessages({ messages, session }: { messages: RoomMessageView[]; session: RoomPass }) {
  const { t } = useI18n();
  const end = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls to the newest message as one arrives
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages.length]);

  return (
    <section
      className={styles.messages}
      aria-label={t('mediationPortal.room.messagesLabel')}
      aria-live="polite"
    >
      {messages.length === 0 && <Empty description={t('mediationPortal.room.empty')} />}
      {messages.map((message) => {
        const own = isOwnMessage(message, session);
        return (
          <article
            key={message.id}
            className={own ? styles.own : styles.other}
            data-testid="room-message"
            data-own={own}
          >
            <div className={styles.meta}>
              {own && <Tag color="blue">{t('mediationPortal.room.mine')}</Tag>}
              <span>{authorOf(message)}</span>
              <Typography.Text type="secondary">{atMinute(message.at)}</Typography.Text>
            </div>
            <div className={styles.body}>{message.body}</div>
          </article>
        );
      })}
      <div ref={end} />
    </section>
  );
}
