import { LogoutOutlined } from '@ant-design/icons';
import { DISPUTE_OPEN_STATES, type DisputeDetail, PARTY_ROLE_LABELS } from '@shanzhi/shared';
import { Alert, Badge, Button, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { fetchRoomDispute, type RoomPass } from '../api/portal-mediation.api.js';
import { useRoomMessages } from '../hooks/use-room-messages.js';
import { roomSessionLost } from '../mediation-failure.js';
import { AgreementPanel } from './AgreementPanel.js';
import { DisputeProgress } from './DisputeProgress.js';
import styles from './MediationRoom.module.css';
import { RoomComposer } from './RoomComposer.js';
import { RoomMessages } from './RoomMessages.js';

/** States in which the room takes messages: mediation going on, or the agreement being confirmed. */
const ROOM_OPEN_STATES: readonly string[] = [...DISPUTE_OPEN_STATES, 'agreed'];

/**
 * The room of one dispute for the party of `session`: where the dispute stands, the live conversation with
 * the mediator and the other side, his message box while mediation goes on, and the agreement to confirm.
 */
export function RoomView({ session, onLeft }: { session: RoomPass; onLeft: (expired: boolean) => void }) {
  const { t } = useI18n();
  const [dispute, setDispute] = useState<DisputeDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  const lost = useCallback(
    (error: unknown) => {
      if (roomSessionLost(error)) onLeft(true);
    },
    [onLeft],
  );

  const refresh = useCallback(async () => {
    try {
      setDispute(await fetchRoomDispute(session));
      setFailure(null);
    } catch (error) {
      // a server that does not show a party his dispute (401/403) leaves the room working without it
      const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
      setFailure(refused ? null : t('mediationPortal.agreement.unavailable'));
      lost(error);
    } finally {
      setLoaded(true);
    }
  }, [session, t, lost]);

  const room = useRoomMessages(session, () => void refresh());

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (room.failure) lost(room.failure);
  }, [room.failure, lost]);

  const open = dispute ? ROOM_OPEN_STATES.includes(dispute.state) : true;

  return (
    <div data-testid="mediation-room">
      <div className={styles.header}>
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {session.title}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="room-party">
            {t('mediationPortal.room.you', {
              role: PARTY_ROLE_LABELS[session.partyRole],
              name: session.partyName,
            })}
          </Typography.Text>
        </div>
        <Button icon={<LogoutOutlined />} onClick={() => onLeft(false)}>
          {t('mediationPortal.room.leave')}
        </Button>
      </div>
      {dispute ? <DisputeProgress dispute={dispute} /> : !loaded && <Spin />}
      {failure && <Alert type="warning" showIcon message={failure} style={{ marginTop: 12 }} />}
      <Badge
        status={room.status === 'live' ? 'success' : 'warning'}
        text={t(room.status === 'live' ? 'mediationPortal.room.live' : 'mediationPortal.room.polling')}
        style={{ marginTop: 12 }}
        data-testid="room-link"
      />
      <RoomMessages messages={room.messages} session={session} />
      {open ? (
        <RoomComposer pass={session} onSent={(m) => room.add([m])} onFailed={lost} />
      ) : (
        <Alert type="info" showIcon message={t('mediationPortal.room.closed')} data-testid="room-closed" />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('mediationPortal.room.noFiles')}
      </Typography.Paragraph>
      {dispute && <AgreementPanel dispute={dispute} session={session} onChanged={setDispute} />}
    </div>
  );
}
