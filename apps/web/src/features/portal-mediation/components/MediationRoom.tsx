import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { RoomPass } from '../api/portal-mediation.api.js';
import { storedRoomPass, storeRoomPass } from '../room-pass-store.js';
import { RoomDoor } from './RoomDoor.js';
import { RoomView } from './RoomView.js';

/**
 * 调解室 for a party: the door (number + the code sent to his phone) until his room session is open, then the
 * room (kept over a reload of the tab); back at the door, with why, when the session runs out or he leaves.
 */
export function MediationRoom({ number }: { number?: string | undefined }) {
  const { t } = useI18n();
  // a pass kept in the tab reopens its room, unless the page was opened for another dispute
  const [session, setSession] = useState<RoomPass | null>(() => {
    const kept = storedRoomPass();
    return kept && (!number || kept.disputeNumber === number) ? kept : null;
  });
  const [notice, setNotice] = useState<string | null>(null);

  if (!session) {
    return (
      <RoomDoor
        number={number}
        notice={notice}
        onEntered={(entered) => {
          setNotice(null);
          storeRoomPass(entered);
          setSession(entered);
        }}
      />
    );
  }
  return (
    <RoomView
      session={session}
      onLeft={(expired) => {
        setNotice(expired ? t('mediationPortal.error.expired') : null);
        storeRoomPass(null);
        setSession(null);
      }}
    />
  );
}
