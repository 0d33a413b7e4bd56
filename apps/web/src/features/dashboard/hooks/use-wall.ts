import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type LiveMessage,
  type LiveStatus,
  useLiveStream,
} from '../../notifications/hooks/use-live-stream.js';
import {
  type DashboardLive,
  type DashboardOverview,
  fetchLive,
  fetchOverview,
} from '../api/dashboard.api.js';

/**
 * The events the wall listens to: a new case reloads its live part at once, the others its numbers (a petition
 * flagged for a risk of escalation or lifted, its 信访风险预警).
 */
const WALL_TOPICS = [
  'case.registered',
  'case.dispatched',
  'case.accepted',
  'case.replied',
  'case.closed',
  'case.resolved_on_call',
  'case.sla_breached',
  'warning.raised',
  'petition.risk_flagged',
  'petition.risk_unflagged',
] as const;

/** How long a new case pulses on the map and stands out in the ticker. */
const FRESH_MS = 90_000;
/** Events arriving together reload the numbers once, this long after the first. */
const SETTLE_MS = 3_000;
/** The numbers are reloaded this often anyway (and while the stream is down). */
const REFRESH_MS = 60_000;

/** What the wall shows and how it stays current. */
export interface WallState {
  overview: DashboardOverview | undefined;
  /** today's points and the ticker: the latest of the live part and the overview's */
  live: DashboardLive | undefined;
  failed: boolean;
  status: LiveStatus;
  /** cases registered since the wall opened, for a while: they pulse */
  fresh: ReadonlySet<number>;
}

/**
 * The wall's data for an org: the overview once, then live over the stream — a new case reloads today's
 * count, points and ticker at once; other case events and warnings reload the whole overview, gathered.
 */
export function useWall(org?: number): WallState {
  const [overview, setOverview] = useState<DashboardOverview>();
  const [live, setLive] = useState<DashboardLive>();
  const [failed, setFailed] = useState(false);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const settle = useRef<number | undefined>(undefined);

  const reload = useCallback(() => {
    fetchOverview(org).then(
      (data) => {
        setOverview(data);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [org]);

  const reloadLive = useCallback(() => {
    fetchLive(org).then(setLive, () => undefined);
  }, [org]);

  useEffect(() => {
    // the live part is cheap: it paints the ticker and the map's points while the measures are computed
    reloadLive();
    reload();
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(settle.current);
    };
  }, [reload, reloadLive]);

  const onMessage = useCallback(
    (message: LiveMessage) => {
      if (message.topic === 'case.registered') {
        const id = Number(message.data.caseId);
        setFresh((ids) => new Set(ids).add(id));
        window.setTimeout(
          () =>
            setFresh((ids) => {
              const rest = new Set(ids);
              rest.delete(id);
              return rest;
            }),
          FRESH_MS,
        );
        reloadLive();
        // counted at once; the overview reloaded shortly after has the exact number
        setOverview((o) => o && { ...o, today: { ...o.today, value: o.today.value + 1 } });
      }
      if (settle.current === undefined) {
        settle.current = window.setTimeout(() => {
          settle.current = undefined;
          reload();
        }, SETTLE_MS);
      }
    },
    [reload, reloadLive],
  );

  const status = useLiveStream(onMessage, true, WALL_TOPICS);
  const latest = !live || (overview && overview.generatedAt > live.generatedAt) ? overview : live;
  return { overview, live: latest, failed, status, fresh };
}
